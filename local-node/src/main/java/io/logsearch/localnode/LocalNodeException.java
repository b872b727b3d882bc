package io.logsearch.localnode;

/** The local node could not be provided, started or stopped; the message says why and what to do. */
public class LocalNodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LocalNodeException(String message) {
        super(message);
    }

    public LocalNodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
