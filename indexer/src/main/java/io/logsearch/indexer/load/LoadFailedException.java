package io.logsearch.indexer.load;

/** A load cannot go on (Elasticsearch unreachable past the retry budget, credentials refused, ...). */
public final class LoadFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LoadFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
