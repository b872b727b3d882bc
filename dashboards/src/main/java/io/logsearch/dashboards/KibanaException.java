package io.logsearch.dashboards;

/** Kibana could not be reached or refused the whole request. */
public final class KibanaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    KibanaException(String message, Throwable cause) {
        super(message, cause);
    }

    KibanaException(String message) {
        super(message);
    }
}
