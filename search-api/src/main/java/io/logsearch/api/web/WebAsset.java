package io.logsearch.api.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** {@code GET /ui/<name>}: one of the web page's scripts or its style sheet, read once from the classpath. */
public final class WebAsset implements Handler {

    /** Every file the page loads, all under {@code ui/} next to {@code index.html}. */
    public static final List<String> NAMES = List.of("style.css", "app.js", "api.js", "query.js", "histogram.js",
            "results.js", "sidebar.js", "format.js");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8");

    private final byte[] content;
    private final String type;

    public WebAsset(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        this.type = TYPES.get(extension);
        if (type == null || !NAMES.contains(name)) {
            throw new IllegalArgumentException("not a web page asset: " + name);
        }
        try (InputStream in = WebAsset.class.getResourceAsStream("ui/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the web page asset ui/" + name + " is missing from the classpath");
            }
            this.content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web page asset ui/" + name, e);
        }
    }

    @Override
    public void handle(Context ctx) {
        // the files change only with the jar; revalidating keeps a redeployed page from mixing versions
        ctx.header("Cache-Control", "no-cache").contentType(type).result(content);
    }
}
