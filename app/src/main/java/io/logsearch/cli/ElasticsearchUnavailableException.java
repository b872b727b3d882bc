package io.logsearch.cli;

/** The cluster a command needs cannot be used; the message names it and says what to do. */
final class ElasticsearchUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ElasticsearchUnavailableException(String message) {
        super(message);
    }
}
