package io.logsearch.api.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /}: the built-in page for people without Kibana. */
public final class WebPage implements Handler {

    private final String html;

    public WebPage(String prefix) {
        try (InputStream in = WebPage.class.getResourceAsStream("index.html")) {
            if (in == null) {
                throw new IllegalStateException("the web page resource index.html is missing");
            }
            this.html = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{prefix}}", prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web page resource", e);
        }
    }

    @Override
    public void handle(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(html);
    }
}
