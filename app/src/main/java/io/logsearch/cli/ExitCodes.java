package io.logsearch.cli;

/** The exit statuses every command shares. */
final class ExitCodes {

    static final int OK = 0;
    static final int FATAL = 1;
    static final int USAGE = 2;
    static final int REJECTED = 3;
    /** {@code es status}: the node is not running. */
    static final int NOT_RUNNING = 3;
    /** {@code verify} and {@code seal}: stored events or digests were tampered with. */
    static final int TAMPERED = 4;

    private ExitCodes() {
    }
}
