package io.logsearch.storage;

/**
 * The final outcome of each event of a {@link WriteSession}, reported once per event, possibly
 * from the store's own threads.
 */
public interface WriteOutcomes<C> {

    void created(C context);

    /** An event of that id exists already. */
    void duplicate(C context);

    /** The store refused the event for its content; {@code reason} is the store's own answer. */
    void rejected(C context, String reason);

    /** A request was sent again after the store pushed back. */
    void retried();
}
