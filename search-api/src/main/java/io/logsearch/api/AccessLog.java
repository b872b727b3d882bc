package io.logsearch.api;

import io.javalin.http.Context;
import io.logsearch.api.access.QueryRedaction;
import io.logsearch.api.auth.AccessControl;
import io.logsearch.api.auth.Caller;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One structured line per request on the {@code logsearch.access} logger, in {@code key=value}
 * form: the UTC time, the client's address, the token's name, the method, the path and query with
 * secrets redacted ({@link QueryRedaction}), the status, the duration and, where the handler
 * counted them, the hits. The plugin also records each request in the access log's store
 * ({@code io.logsearch.api.access}).
 */
public final class AccessLog {

    public static final String LOGGER = "logsearch.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final String HITS = "logsearch.hits";

    private AccessLog() {
    }

    /** Remembers how many events the request found, written, or read, for its access line. */
    public static void hits(Context ctx, long hits) {
        ctx.attribute(HITS, hits);
    }

    /** The count {@link #hits(Context, long)} remembered for this request, if any. */
    public static OptionalLong hits(Context ctx) {
        Long hits = ctx.attribute(HITS);
        return hits == null ? OptionalLong.empty() : OptionalLong.of(hits);
    }

    /** Logs the request {@code ctx} that took {@code millis}. */
    public static void log(Context ctx, float millis) {
        LOG.info(line(Instant.now().truncatedTo(ChronoUnit.MILLIS), ctx.ip(), AccessControl.identified(ctx).map(Caller::name).orElse("-"), ctx.method().name(),
                ctx.path(), ctx.queryString(), ctx.status().getCode(), Math.round(millis), hits(ctx)));
    }

    static String line(Instant time, String client, String token, String method, String path, String query, int status,
                       long millis, OptionalLong hits) {
        String target = query == null || query.isEmpty() ? path : path + "?" + QueryRedaction.redact(query);
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
