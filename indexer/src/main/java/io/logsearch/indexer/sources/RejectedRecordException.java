package io.logsearch.indexer.sources;

/** A record that cannot become an event; the message is the reason written to the dead-letter file. */
public final class RejectedRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RejectedRecordException(String reason) {
        super(reason, null, false, false);
    }
}
