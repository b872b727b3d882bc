package io.logsearch.mappings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessLogIndexTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void accessPartitionsAreDailyUnderTheirOwnName() {
        assertEquals("audit-access-2026.12.03", AccessLogIndex.partitioning("audit").indexFor(Instant.parse("2026-12-03T15:00:00Z")));
        assertEquals("audit-access", AccessLogIndex.templateName("audit"));
    }

    @Test
    void theTemplateOutranksTheEventsTemplateWhosePatternAlsoMatches() throws Exception {
        JsonNode access = JSON.readTree(AccessLogIndex.body("audit", 1));
        JsonNode events = JSON.readTree(IndexTemplate.body("audit", 1));
        assertEquals("audit-access-*", access.at("/index_patterns/0").asText());
        assertEquals(1, access.get("index_patterns").size());
        assertTrue(access.get("priority").asInt() > events.get("priority").asInt());
        assertEquals(1, access.at("/template/settings/index/number_of_replicas").asInt());
        assertEquals("strict", access.at("/template/mappings/dynamic").asText());
    }

    @Test
    void eventQueriesNeverNameAccessPartitions() {
        Partitioning events = Partitioning.daily("audit");
        assertTrue(events.everyPartition().stream().noneMatch(name -> name.startsWith("audit-access")), events.everyPartition().toString());
        assertEquals(java.util.Optional.empty(), events.endOf("audit-access-2026.12.03"), "housekeeping (prune, seal) skips them");
    }

    @Test
    void theAccessFieldsAreMappedWithTheirEcsTypes() throws Exception {
        JsonNode props = JSON.readTree(AccessLogIndex.body("audit", 0)).at("/template/mappings/properties");
        assertEquals("long", props.at("/event/properties/duration/type").asText());
        assertEquals("ip", props.at("/source/properties/ip/type").asText());
        assertEquals("long", props.at("/http/properties/response/properties/status_code/type").asText());
        assertEquals("keyword", props.at("/url/properties/query/type").asText());
        assertEquals("keyword", props.at("/organization/properties/id/type").asText());
        assertEquals("long", props.at("/logsearch/properties/access/properties/hits/type").asText());
    }
}
