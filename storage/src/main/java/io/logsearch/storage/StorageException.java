package io.logsearch.storage;

/**
 * A storage operation failed. {@link #safeMessage()} says so in words fit for any client, without
 * the store's own text; {@link #getMessage()} is the detail for logs, operators and dead-letter
 * files: what the store answered.
 */
public final class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final String safeMessage;

    public StorageException(FailureKind kind, String safeMessage, String detail, Throwable cause) {
        super(detail, cause);
        this.kind = kind;
        this.safeMessage = safeMessage;
    }

    public FailureKind kind() {
        return kind;
    }

    public String safeMessage() {
        return safeMessage;
    }

    /** What the store answered, e.g. {@code HTTP 503 (cluster_block_exception: ...)}. */
    public String detail() {
        return getMessage();
    }
}
