package io.logsearch.poller;

/** A run that cannot go on: the vendor kept failing past the retry budget, or refused the request itself. */
public final class PollFailedException extends RuntimeException {

    public PollFailedException(String message) {
        super(message);
    }

    public PollFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
