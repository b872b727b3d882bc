package io.logsearch.poller;

/** A page whose body is not the JSON it should be, so the page after it cannot be known. */
public final class UnreadablePageException extends RuntimeException {

    public UnreadablePageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
