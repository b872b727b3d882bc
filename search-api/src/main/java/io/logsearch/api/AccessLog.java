package io.logsearch.api;

import io.javalin.http.Context;
import io.logsearch.api.auth.AccessControl;
import io.logsearch.api.auth.Caller;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One structured line per request on the {@code logsearch.access} logger, in {@code key=value}
 * form: the UTC time, the client's address, the token's name, the method, the path and query with
 * secrets redacted, the status, the duration and, where the handler counted them, the hits.
 */
public final class AccessLog {

    public static final String LOGGER = "logsearch.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final String HITS = "logsearch.hits";
    static final String REDACTED = "REDACTED";
    /** Parameter names (lower case, without {@code _} and {@code -}) holding any of these carry credentials. */
    private static final List<String> SECRET_PARTS = List.of("token", "secret", "password", "passwd", "pwd", "apikey",
            "signature", "credential", "authorization");

    private AccessLog() {
    }

    /** Remembers how many events the request found, written, or read, for its access line. */
    public static void hits(Context ctx, long hits) {
        ctx.attribute(HITS, hits);
    }

    /** Logs the request {@code ctx} that took {@code millis}. */
    public static void log(Context ctx, float millis) {
        Long hits = ctx.attribute(HITS);
        LOG.info(line(Instant.now().truncatedTo(ChronoUnit.MILLIS), ctx.ip(), AccessControl.identified(ctx).map(Caller::name).orElse("-"), ctx.method().name(),
                ctx.path(), ctx.queryString(), ctx.status().getCode(), Math.round(millis),
                hits == null ? OptionalLong.empty() : OptionalLong.of(hits)));
    }

    static String line(Instant time, String client, String token, String method, String path, String query, int status,
                       long millis, OptionalLong hits) {
        String target = query == null || query.isEmpty() ? path : path + "?" + redact(query);
        StringBuilder line = new StringBuilder()
                .append("time=").append(time)
                .append(" client=").append(value(client))
                .append(" token=").append(value(token))
                .append(" method=").append(method)
                .append(" path=").append(value(target))
                .append(" status=").append(status)
                .append(" duration_ms=").append(millis);
        hits.ifPresent(h -> line.append(" hits=").append(h));
        return line.toString();
    }

    /** The query with the value of every credential-like parameter replaced; cursors and filters stay. */
    static String redact(String query) {
        return Arrays.stream(query.split("&", -1)).map(pair -> {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            return eq >= 0 && secret(name) ? name + "=" + REDACTED : pair;
        }).collect(Collectors.joining("&"));
    }

    private static boolean secret(String rawName) {
        String name = decoded(rawName).toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return SECRET_PARTS.stream().anyMatch(name::contains);
    }

    /** A name as the server reads it; one with invalid percent-encoding as sent, which still shows a credential-like name. */
    private static String decoded(String rawName) {
        try {
            return URLDecoder.decode(rawName, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException invalidEncoding) {
            return rawName;
        }
    }

    /** A value as is when it is one plain word, else quoted with {@code "} and {@code \} escaped, so a line always splits back into its fields. */
    private static String value(String text) {
        if (!text.isEmpty() && text.chars().allMatch(c -> c > ' ' && c != '"' && c != '\\' && c < 0x7f)) {
            return text;
        }
        StringBuilder quoted = new StringBuilder("\"");
        text.chars().forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> quoted.appendCodePoint(c);
            }
        });
        return quoted.append('"').toString();
    }
}
