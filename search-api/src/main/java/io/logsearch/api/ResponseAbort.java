package io.logsearch.api;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Breaks off a response whose body has already started. A problem written then would be appended
 * to a truncated {@code 200} body that looks complete; closing the connection without the final
 * chunk makes every HTTP client report a failed transfer instead.
 */
public final class ResponseAbort {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseAbort.class);

    private ResponseAbort() {
    }

    /** Closes the connection under the exchange (Javalin 7 always runs on Jetty 12) and logs why. */
    public static void abort(Context ctx, Throwable cause) {
        LOG.warn("{} {}: broke off the response after its body had started: {}", ctx.method(), ctx.path(), cause.toString());
        ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection().getEndPoint().close(cause);
    }
}
