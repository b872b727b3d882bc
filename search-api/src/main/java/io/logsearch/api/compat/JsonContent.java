package io.logsearch.api.compat;

import io.javalin.http.Context;
import io.logsearch.api.ApiProblem;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Facades that read a JSON body refuse a body of another media type: 415, in the vendor's style. */
public final class JsonContent {

    private JsonContent() {
    }

    /** @throws ApiProblem 415 when the request has a body whose {@code Content-Type} is not JSON */
    public static void require(Context ctx) {
        Optional<String> type = Optional.ofNullable(ctx.contentType()).map(t -> t.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty());
        if (type.isPresent() && !isJson(type.get()) && !ctx.body().isEmpty()) {
            throw new ApiProblem(415, "Unsupported Media Type", "The request body must be JSON (Content-Type: application/json), not "
                    + type.get() + ".", List.of());
        }
    }

    private static boolean isJson(String type) {
        return type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json");
    }
}
