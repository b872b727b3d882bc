package io.logsearch.api.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.api.Problems;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to a request it refuses before any route sees it (a malformed request line, a
 * target or headers too long, an ambiguous path), as problem+json like every other error of the
 * server: the status and its reason, never Jetty's HTML page or its message.
 */
final class ProblemErrorHandler extends ErrorHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        response.write(true, body(code), callback);
    }

    /** No route had the request, and Jetty may have replaced its path: the instance stays empty. */
    private static ByteBuffer body(int status) {
        String title = HttpStatus.getMessage(status);
        ObjectNode body = JSON.createObjectNode()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", "The server could not read the request: " + title + ".")
                .put("instance", "");
        body.putArray("errors");
        return ByteBuffer.wrap(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
