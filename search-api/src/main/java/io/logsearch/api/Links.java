package io.logsearch.api;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Absolute links built from the request, as clients follow them ({@code _links.next.href}). */
public final class Links {

    private Links() {
    }

    public static String self(Context ctx) {
        return ctx.fullUrl();
    }

    /** The request's URL with {@code name} set to {@code value} and every other parameter kept. */
    public static String with(Context ctx, String name, String value) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
            if (param.getKey().equals(name)) {
                continue;
            }
            for (String v : param.getValue()) {
                parts.add(encode(param.getKey()) + "=" + encode(v));
            }
        }
        parts.add(encode(name) + "=" + encode(value));
        return ctx.url() + "?" + String.join("&", parts);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
