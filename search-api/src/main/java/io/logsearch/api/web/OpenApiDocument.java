package io.logsearch.api.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.yaml}: the API's OpenAPI 3 description. */
public final class OpenApiDocument implements Handler {

    public static final String RESOURCE = "/io/logsearch/api/openapi.yaml";

    private final byte[] yaml;

    public OpenApiDocument() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing from the classpath");
            }
            this.yaml = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document", e);
        }
    }

    @Override
    public void handle(Context ctx) {
        ctx.contentType("application/yaml").result(yaml);
    }
}
