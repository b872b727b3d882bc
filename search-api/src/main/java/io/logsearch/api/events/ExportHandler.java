package io.logsearch.api.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.AccessLog;
import io.logsearch.api.ParamReader;
import io.logsearch.api.ResponseAbort;
import io.logsearch.api.auth.Caller;
import io.logsearch.storage.EventSearch;
import io.logsearch.storage.StorageException;
import io.logsearch.storage.query.Projection;
import io.logsearch.storage.query.SortOrder;
import io.logsearch.storage.query.TimeRange;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/events/export?format=ndjson|csv}: every matching event, streamed page by page
 * ({@code search_after}), so memory stays flat and there is no 10,000-hit ceiling. A failure
 * before any of the body has left is answered as a problem; after that, the response is broken off
 * so that the client sees a failed transfer, never a file that looks complete.
 */
public final class ExportHandler implements Handler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORMULA_STARTS = "=+-@\t\r";
    static final List<String> CSV_COLUMNS = List.of("@timestamp", "event.provider", "event.action", "event.outcome", "user.id",
            "user.name", "user.full_name", "user.email", "client.ip", "client.address", "organization.id", "organization.name",
            "event.dataset", "message");

    private final EventSearch search;
    private final String base;

    /** Exports from {@code search}, as downloads named after the index {@code base}. */
    public ExportHandler(EventSearch search, String base) {
        this.search = search;
        this.base = base;
    }

    /** The endpoint's own parameters. */
    record Params(boolean csv, SortOrder order, boolean includeOriginal) {

        static final Set<String> NAMES = Set.of("format", "order", "includeOriginal");

        static Params read(ParamReader params) {
            return new Params(params.choice("format", List.of("ndjson", "csv")).orElse("ndjson").equals("csv"),
                    EventsHandler.sortOrder(params), params.bool("includeOriginal").orElse(false));
        }
    }

    @Override
    public void handle(Context ctx) throws IOException {
        FilterParams.Request<Params> request = FilterParams.request(ctx, Params.NAMES, Params::read);
        Caller caller = request.caller();
        FilterParams.Requested requested = request.requested();
        boolean csv = request.endpoint().csv();
        SortOrder order = request.endpoint().order();
        boolean includeOriginal = request.endpoint().includeOriginal();

        ctx.contentType(csv ? "text/csv; charset=utf-8" : "application/x-ndjson");
        ctx.header("Content-Disposition", "attachment; filename=\""
                + filename(base, requested.filter().range(), csv ? "csv" : "ndjson") + "\"");
        SentBytes sent = new SentBytes(ctx.outputStream());
        Writer out = new BufferedWriter(new OutputStreamWriter(sent, StandardCharsets.UTF_8), 64 * 1024);
        if (csv) {
            out.write(String.join(",", CSV_COLUMNS));
            out.write("\r\n");
        }
        long[] rows = {0};
        try {
            search.forEach(requested.filter(), caller.visibility(), order,
                    includeOriginal ? Projection.DOCUMENT_WITH_ORIGINAL : Projection.DOCUMENT, event -> {
                rows[0]++;
                try {
                    if (csv) {
                        writeCsvRow(out, event);
                    } else {
                        out.write(JSON.writeValueAsString(event));
                        out.write('\n');
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (StorageException e) {
            AccessLog.hits(ctx, rows[0]);
            // bytes may be sent before the response is committed; a problem after them would look like the end of the export
            if (sent.count() > 0) {
                ResponseAbort.abort(ctx, e);
                return;
            }
            ctx.removeHeader("Content-Disposition");
            throw e;
        }
        out.flush();
        AccessLog.hits(ctx, rows[0]);
    }

    /**
     * {@code BASE_START_END.csv} with the resolved range's bounds, colons made dashes so that every
     * file system takes the name ({@code logsearch-events_2026-11-01T00-00-00Z_2026-12-01T00-00-00Z.csv});
     * {@code BASE.csv} without a range. A base never needs quoting.
     */
    static String filename(String base, Optional<TimeRange> range, String extension) {
        return base + range.map(r -> "_" + stamp(r.start()) + "_" + stamp(r.end())).orElse("") + "." + extension;
    }

    private static String stamp(Instant instant) {
        return instant.toString().replace(':', '-');
    }

    private static void writeCsvRow(Writer out, JsonNode event) throws IOException {
        for (int i = 0; i < CSV_COLUMNS.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(csvField(value(event, CSV_COLUMNS.get(i))));
        }
        out.write("\r\n");
    }

    private static String value(JsonNode event, String column) {
        JsonNode node = column.equals("@timestamp") ? event.get("@timestamp") : event.at("/" + column.replace('.', '/'));
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "";
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /**
     * RFC 4180: fields holding a comma, a quote or a line break are quoted, quotes doubled. A field
     * a spreadsheet would run as a formula (starting with {@code = + - @}, tab or carriage return)
     * gets a leading {@code '} first, as OWASP advises against CSV injection.
     */
    static String csvField(String value) {
        String text = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /**
     * Counts the bytes handed to the response. Once there are any, part of the body may be on its
     * way to the client, and a failure can only break the response off: a problem would land in
     * the middle of the export.
     */
    private static final class SentBytes extends FilterOutputStream {
        private long count;

        SentBytes(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        long count() {
            return count;
        }
    }
}
