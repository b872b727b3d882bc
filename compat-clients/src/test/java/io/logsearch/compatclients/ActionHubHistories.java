package io.logsearch.compatclients;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Synthetic ActionHub histories in the vendor's shape ({@code GET /users/{user_id}/events} →
 * {@code {"history": [...]}} records): microsecond timestamps as FastAPI writes them (some with
 * {@code +00:00}, some without a fraction), and labels of any JSON type, as the vendor documents
 * {@code items: {}}.
 */
final class ActionHubHistories {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int LINE = 500;

    /** Whose history, in which program. */
    record Enrollment(String userId, String programId) {
    }

    private static final List<String[]> ASSETS = List.of(
            new String[] {"vid-0001", "Welcome video", "video"},
            new String[] {"doc-0042", "Code of conduct (2024 edition)", "document"},
            new String[] {"quiz-007", "Safety quiz — module 3", "quiz"},
            new String[] {"crs-1100", "Onboarding: first week", "course"},
            new String[] {"lnk-5", "Benefits portal \"Perks\"", "link"});
    private static final List<String> EVENTS = List.of("viewed", "started", "completed", "downloaded", "rated", "shared");

    private final Map<Enrollment, List<ObjectNode>> histories = new LinkedHashMap<>();

    /**
     * {@code count} records for the enrollment, newest first, ending at {@code newest}, a few minutes
     * apart. With {@code sameMillisecond} they come in pairs whose two timestamps differ in their
     * microseconds only, so that only microsecond precision orders them.
     */
    ActionHubHistories add(Enrollment enrollment, int count, Instant newest, long seed, boolean sameMillisecond) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ObjectNode> records = new ArrayList<>();
        Set<Long> millis = new HashSet<>();
        Instant t = newest.truncatedTo(ChronoUnit.MILLIS);
        while (records.size() < count) {
            t = t.minusMillis(1_000 + random.nextLong(600_000));
            long micros = random.nextInt(1_000);
            if (random.nextInt(10) == 0) {
                t = t.truncatedTo(ChronoUnit.SECONDS);   // some with no fraction at all
                micros = 0;
            }
            if (sameMillisecond) {
                records.add(record(random, t.plusNanos(Math.max(micros, 500) * 1_000)));
                records.add(record(random, t.plusNanos(Math.min(micros, 499) * 1_000)));
            } else if (millis.add(t.toEpochMilli())) {
                records.add(record(random, t.plusNanos(micros * 1_000)));
            }
        }
        records.sort(Comparator.comparing(ActionHubHistories::timestamp).reversed());
        histories.put(enrollment, records);
        return this;
    }

    private static ObjectNode record(SplittableRandom random, Instant timestamp) {
        String[] asset = ASSETS.get(random.nextInt(ASSETS.size()));
        ObjectNode record = JSON.createObjectNode()
                .put("timestamp", isoformat(timestamp, random.nextInt(4) == 0))
                .put("event_type", EVENTS.get(random.nextInt(EVENTS.size())))
                .put("asset_id", asset[0])
                .put("asset_name", asset[1]);
        ArrayNode eventLabels = record.putArray("event_labels");
        switch (random.nextInt(4)) {
            case 0 -> { }
            case 1 -> eventLabels.add("mobile");
            case 2 -> eventLabels.add("campaign:spring").add(3);
            default -> eventLabels.addObject().put("source", "email").put("attempt", 2);
        }
        ArrayNode assetLabels = record.putArray("asset_labels");
        assetLabels.add(asset[2]);
        if (random.nextBoolean()) {
            assetLabels.add("required").add(true);
        }
        return record;
    }

    /** As Python's {@code datetime.isoformat()} writes it, with {@code Z} as pydantic does or {@code +00:00}. */
    private static String isoformat(Instant instant, boolean plusZero) {
        String text = instant.toString();   // ...ss[.fff[fff]]Z
        int dot = text.indexOf('.');
        if (dot > 0) {
            String fraction = (text.substring(dot + 1, text.length() - 1) + "000000").substring(0, 6);
            text = text.substring(0, dot) + "." + fraction + "Z";
        }
        return plusZero ? text.substring(0, text.length() - 1) + "+00:00" : text;
    }

    static Instant timestamp(ObjectNode record) {
        return java.time.OffsetDateTime.parse(record.get("timestamp").asText()).toInstant();
    }

    /** The enrollment's records, newest first. */
    List<ObjectNode> history(Enrollment enrollment) {
        return histories.get(enrollment);
    }

    /** The export: one {@code {"user_id", "program_id", "history"}} wrapper a line, at most {@value #LINE} records each. */
    String export() {
        StringBuilder out = new StringBuilder();
        histories.forEach((enrollment, records) -> {
            for (int from = 0; from < records.size(); from += LINE) {
                ObjectNode line = JSON.createObjectNode().put("user_id", enrollment.userId()).put("program_id", enrollment.programId());
                line.putArray("history").addAll(records.subList(from, Math.min(records.size(), from + LINE)));
                out.append(line).append('\n');
            }
        });
        return out.toString();
    }

    int size() {
        return histories.values().stream().mapToInt(List::size).sum();
    }
}
