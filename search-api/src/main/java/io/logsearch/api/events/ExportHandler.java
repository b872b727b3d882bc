package io.logsearch.api.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.ParamReader;
import io.logsearch.api.StorageErrors;
import io.logsearch.api.auth.Caller;
import io.logsearch.api.query.EventSearch;
import io.logsearch.api.query.Projection;
import io.logsearch.api.query.SortOrder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /v1/events/export?format=ndjson|csv}: every matching event, streamed page by page
 * ({@code search_after}), so memory stays flat and there is no 10,000-hit ceiling.
 */
public final class ExportHandler implements Handler {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> CSV_COLUMNS = List.of("@timestamp", "event.action", "event.outcome", "user.id", "user.full_name",
            "user.email", "client.ip", "client.address", "organization.id", "event.dataset", "message");

    private final EventSearch search;

    public ExportHandler(EventSearch search) {
        this.search = search;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        FilterParams.Request request = FilterParams.request(ctx, Set.of("format", "order", "includeOriginal"));
        Caller caller = request.caller();
        ParamReader params = request.params();
        FilterParams.Requested requested = request.requested();
        boolean csv = params.choice("format", Set.of("ndjson", "csv")).orElse("ndjson").equals("csv");
        SortOrder order = params.choice("order", Set.of("asc", "desc"))
                .map(o -> o.equals("asc") ? SortOrder.ASC : SortOrder.DESC).orElse(SortOrder.DESC);
        boolean includeOriginal = params.bool("includeOriginal").orElse(false);
        params.throwIfInvalid();

        ctx.contentType(csv ? "text/csv; charset=utf-8" : "application/x-ndjson");
        ctx.header("Content-Disposition", "attachment; filename=\"events." + (csv ? "csv" : "ndjson") + "\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 64 * 1024);
        if (csv) {
            out.write(String.join(",", CSV_COLUMNS));
            out.write("\r\n");
        }
        try {
            search.forEach(requested.filter(), caller.visibility(), order,
                    includeOriginal ? Projection.DOCUMENT_WITH_ORIGINAL : Projection.DOCUMENT, event -> {
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
        } catch (IOException | RuntimeException e) {
            throw StorageErrors.translate(e);
        }
        out.flush();
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

    /** RFC 4180: fields holding a comma, a quote or a line break are quoted, quotes doubled. */
    static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
