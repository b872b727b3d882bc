package io.logsearch.cli;

/** The command was called wrongly in a way only found while it runs, e.g. an invalid ES_URL: exit status 2. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
