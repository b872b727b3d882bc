package io.logsearch.api.access;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A query string with the value of every parameter that carries a credential replaced: paging
 * cursors (they replay a search), and every name holding {@code token}, {@code secret}, {@code key},
 * {@code password}, {@code credential}, {@code authorization} or starting with {@code sign}.
 * Names are judged decoded, in lower case, without {@code _} and {@code -}.
 */
public final class QueryRedaction {

    public static final String REDACTED = "REDACTED";
    private static final List<String> SECRET_PARTS = List.of("token", "secret", "key", "password", "passwd", "pwd",
            "credential", "authorization");

    private QueryRedaction() {
    }

    public static String redact(String query) {
        return Arrays.stream(query.split("&", -1)).map(pair -> {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            return eq >= 0 && secret(name) ? name + "=" + REDACTED : pair;
        }).collect(Collectors.joining("&"));
    }

    private static boolean secret(String rawName) {
        String name = decoded(rawName).toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return name.equals("cursor") || name.startsWith("sign") || SECRET_PARTS.stream().anyMatch(name::contains);
    }

    /** A name as the server reads it; one with invalid percent-encoding as sent, which still shows a credential-like name. */
    private static String decoded(String rawName) {
        try {
            return URLDecoder.decode(rawName, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException invalidEncoding) {
            return rawName;
        }
    }
}
