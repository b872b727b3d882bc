package io.logsearch.api.compat.onehub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.storage.query.NumberedPage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Onehub facade's page rendering, without a server or Elasticsearch. */
class OnehubRenderingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPageWrapsEachRecordAsIngestedAndCountsPagesOfThirty() throws Exception {
        String record = "{\"id\":7,\"verb\":\"uploaded\",\"created_at\":\"Wed, 01 May 2024 10:00:00 +0000\"}";
        ObjectNode stored = JSON.createObjectNode();
        stored.putObject("event").put("original", record);
        byte[] body = OnehubPage.render(new NumberedPage(List.of(stored, JSON.createObjectNode()), 61), 3);
        assertEquals(JSON.readTree("{\"total_entries\":61,\"current_page\":3,\"total_pages\":3,\"per_page\":30,\"items\":[{\"event\":"
                + record + "}]}"), JSON.readTree(body));
        assertEquals(0, JSON.readTree(OnehubPage.render(new NumberedPage(List.of(), 0), 1)).path("total_pages").asInt());
    }
}
