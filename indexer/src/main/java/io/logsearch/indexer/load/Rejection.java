package io.logsearch.indexer.load;

/**
 * A record that was not indexed, with everything needed to find and fix it: one line of the
 * dead-letter file.
 */
public record Rejection(String source, String file, String position, String reason, String original) {
}
