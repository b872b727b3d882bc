package io.logsearch.generator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * ActionHub {@code GET /users/{user_id}/events} histories, one wrapper per line with the context the
 * records do not carry: {@code {"user_id","program_id","history":[…]}}, at most 1000 records each,
 * newest first. A user with more history in a program gets several lines; zero events give no lines.
 *
 * <p>Records are distinct because every timestamp of the export is: enrollment {@code e} of
 * {@code E} only uses microseconds {@code ≡ e (mod E)}, strictly decreasing within the enrollment.
 */
final class ActionHubExport implements ExportGenerator {

    static final int LINE_SIZE = 1000;
    private static final long MICROS_PER_SECOND = TimeUnit.SECONDS.toMicros(1);

    @Override
    public String sourceId() {
        return "actionhub";
    }

    @Override
    public void write(GeneratorSpec spec, OutputStream out) throws IOException {
        SplittableRandom seeded = Seeds.of(spec, sourceId());
        List<ActionHubPrograms.Enrollment> enrollments = ActionHubPrograms.create(seeded.split()).enrollments();
        SplittableRandom random = seeded.split();
        ActivityCurve curve = ActivityCurve.over(spec.start(), spec.days());
        long firstMicro = spec.start().getEpochSecond() * MICROS_PER_SECOND;
        int stride = enrollments.size();
        long slots = (spec.until().getEpochSecond() * MICROS_PER_SECOND - firstMicro) / stride;

        long[] counts = Allocation.split(spec.events(), enrollments.stream().mapToDouble(ActionHubPrograms.Enrollment::weight).toArray());
        // all built before the first line, so that a span too short for the events fails without output
        Timeline[] timelines = new Timeline[stride];
        for (int e = 0; e < stride; e++) {
            timelines[e] = new Timeline(random.split(), curve, counts[e], slots, true);
        }

        try (JsonGenerator json = Ndjson.open(out)) {
            for (int e = 0; e < stride; e++) {
                ActionHubPrograms.Enrollment enrollment = enrollments.get(e);
                Timeline timeline = timelines[e];
                while (timeline.hasNext()) {
                    json.writeStartObject();
                    json.writeStringField("user_id", enrollment.userId());
                    json.writeStringField("program_id", enrollment.program().id());
                    json.writeArrayFieldStart("history");
                    for (int i = 0; i < LINE_SIZE && timeline.hasNext(); i++) {
                        writeRecord(json, enrollment.program(), firstMicro + timeline.next() * stride + e, random);
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                    Ndjson.endLine(json);
                }
            }
        }
        out.flush();
    }

    private static void writeRecord(JsonGenerator json, ActionHubPrograms.Program program, long epochMicro,
            SplittableRandom random) throws IOException {
        ActionHubPrograms.Asset asset = program.assets().pick(random);
        json.writeStartObject();
        json.writeStringField("timestamp", isoMicros(epochMicro));
        json.writeStringField("event_type", asset.kind().events.pick(random));
        json.writeStringField("asset_id", asset.id());
        json.writeStringField("asset_name", asset.name());
        writeStrings(json, "event_labels", ActionHubPrograms.eventLabels(random));
        writeStrings(json, "asset_labels", asset.labels());
        json.writeEndObject();
    }

    private static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** As Python's {@code isoformat()} writes it (six fraction digits unless zero), in UTC with {@code Z}. */
    static String isoMicros(long epochMicro) {
        long second = Math.floorDiv(epochMicro, MICROS_PER_SECOND);
        int micro = (int) Math.floorMod(epochMicro, MICROS_PER_SECOND);
        String whole = Instant.ofEpochSecond(second).toString();
        if (micro == 0) {
            return whole;
        }
        String fraction = Integer.toString(micro + 1_000_000).substring(1);
        return whole.substring(0, whole.length() - 1) + "." + fraction + "Z";
    }
}
