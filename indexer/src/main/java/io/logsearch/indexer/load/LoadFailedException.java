package io.logsearch.indexer.load;

import io.logsearch.storage.FailureKind;
import io.logsearch.storage.StorageException;

/** A load cannot go on (Elasticsearch unreachable past the retry budget, credentials refused, ...). */
public final class LoadFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LoadFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A load the store's {@code failure} ended, {@code message} what was refused; refused credentials also say what to check. */
    static LoadFailedException of(String message, StorageException failure) {
        return new LoadFailedException(failure.kind() == FailureKind.UNAUTHORIZED ? message + ". " + failure.safeMessage() : message, failure);
    }
}
