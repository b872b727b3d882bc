package io.logsearch.indexer.sources;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

/**
 * ECS's {@code event.category} values and, for each, its {@code expected_event_types}, copied from
 * {@code generated/ecs/ecs_flat.yml} of elastic/ecs branch 8.17 (version 8.17.0, commit
 * e3103a213a4e84cbcd3ef36da7001483ddc60230).
 */
public final class EcsExpectedEventTypes {

    public static final Map<String, List<String>> EXPECTED_EVENT_TYPES = Map.ofEntries(
            Map.entry("api", List.of("access", "admin", "allowed", "change", "creation", "deletion", "denied", "end",
                    "info", "start", "user")),
            Map.entry("authentication", List.of("start", "end", "info")),
            Map.entry("configuration", List.of("access", "change", "creation", "deletion", "info")),
            Map.entry("database", List.of("access", "change", "info", "error")),
            Map.entry("driver", List.of("change", "end", "info", "start")),
            Map.entry("email", List.of("info")),
            Map.entry("file", List.of("access", "change", "creation", "deletion", "info")),
            Map.entry("host", List.of("access", "change", "end", "info", "start")),
            Map.entry("iam", List.of("admin", "change", "creation", "deletion", "group", "info", "user")),
            Map.entry("intrusion_detection", List.of("allowed", "denied", "info")),
            Map.entry("library", List.of("start")),
            Map.entry("malware", List.of("info")),
            Map.entry("network", List.of("access", "allowed", "connection", "denied", "end", "info", "protocol", "start")),
            Map.entry("package", List.of("access", "change", "deletion", "info", "installation", "start")),
            Map.entry("process", List.of("access", "change", "end", "info", "start")),
            Map.entry("registry", List.of("access", "change", "creation", "deletion")),
            Map.entry("session", List.of("start", "end", "info")),
            Map.entry("threat", List.of("indicator")),
            Map.entry("vulnerability", List.of("info")),
            Map.entry("web", List.of("access", "error", "info")));

    private EcsExpectedEventTypes() {
    }

    /** Every category is one of ECS's, and every type is expected with every category. */
    public static void assertExpected(List<String> categories, List<String> types, String what) {
        assertTrue(!categories.isEmpty() && !types.isEmpty(), what + ": no category or no type");
        for (String category : categories) {
            List<String> expected = EXPECTED_EVENT_TYPES.get(category);
            assertTrue(expected != null, what + ": '" + category + "' is not an ECS category");
            for (String type : types) {
                assertTrue(expected.contains(type),
                        what + ": ECS does not expect event.type '" + type + "' with event.category '" + category + "'");
            }
        }
    }
}
