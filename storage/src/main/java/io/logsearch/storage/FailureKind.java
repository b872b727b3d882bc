package io.logsearch.storage;

/** What a storage failure means for whoever asked: wait and try again, or give up. */
public enum FailureKind {

    /** The store answered that it cannot do it now (pushing back, an internal error): trying again later may succeed. */
    TRANSIENT,
    /** The store cannot be reached, or a node or proxy in front of it cannot answer now. */
    UNAVAILABLE,
    /**
     * The store refused the credentials it was sent, or their privileges for the request: nothing
     * passes until an operator changes them, and retrying will not help.
     */
    UNAUTHORIZED,
    /** The store refused the request itself (one it does not take): retrying will not help. */
    REJECTED,
    /** Anything else: an answer that cannot be understood, or a failure that is not the store's. */
    FATAL;

    /** Whether waiting may make the failure pass. */
    public boolean mayPass() {
        return this == TRANSIENT || this == UNAVAILABLE;
    }
}
