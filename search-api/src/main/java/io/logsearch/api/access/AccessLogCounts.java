package io.logsearch.api.access;

/**
 * What became of the access events so far.
 *
 * @param written events the store holds
 * @param dropped events left out because the queue was full (the store slow or down)
 * @param failed  events the store refused, or that were lost when it gave up on a write
 * @param queued  events waiting to be written
 */
public record AccessLogCounts(long written, long dropped, long failed, long queued) {
}
