package io.logsearch.api.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A generated export in the vendor's own response shape, and the records in it as the vendor's API
 * gave them, each with the context its page carried (ActionHub's user and program, Authing's pool).
 */
record VendorExport(String source, String text, List<VendorRecord> records) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One vendor record and the context next to it in the export. */
    record VendorRecord(JsonNode record, Map<String, String> context) {
    }

    /** {@code events} records of {@code source} over the {@code days} before {@code until}. */
    static VendorExport generate(String source, long events, int days, long seed, Instant until) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ExportGenerator.forSource(source).write(new GeneratorSpec(events, days, seed, until), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(source, out.toString(StandardCharsets.UTF_8));
    }

    /** Reads the records out of an export of response pages, one per line. */
    static VendorExport of(String source, String text) {
        List<VendorRecord> records = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode page = parse(line);
            switch (source) {
                case "thousandeyes" -> page.path("auditEvents").forEach(r -> records.add(new VendorRecord(r, Map.of())));
                case "onehub" -> page.path("items").forEach(item -> records.add(new VendorRecord(item.path("event"), Map.of())));
                case "actionhub" -> page.path("history").forEach(r -> records.add(new VendorRecord(r,
                        Map.of("user_id", page.path("user_id").asText(), "program_id", page.path("program_id").asText()))));
                case "authing" -> page.path("data").path("list").forEach(r -> records.add(new VendorRecord(r,
                        Map.of("userPoolId", page.path("userPoolId").asText()))));
                default -> throw new IllegalArgumentException(source);
            }
        }
        return new VendorExport(source, text, List.copyOf(records));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> nodes() {
        return records.stream().map(VendorRecord::record).toList();
    }
}
