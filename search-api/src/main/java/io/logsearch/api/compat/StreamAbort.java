package io.logsearch.api.compat;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a streamed response that fails after its status and part of its body were sent: the
 * connection is aborted, so the client sees a broken response rather than an error message read
 * as the rest of the body, or a body cut short that looks complete.
 */
public final class StreamAbort {

    private static final Logger LOG = LoggerFactory.getLogger(StreamAbort.class);

    private StreamAbort() {
    }

    public static void abort(Context ctx, Exception cause) {
        LOG.error("{} {} failed while streaming its response; the connection is aborted", ctx.method(), ctx.path(), cause);
        ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().getEndPoint().close(cause);
    }
}
