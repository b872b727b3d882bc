package io.logsearch.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OnehubGeneratorTest {

    private static final Set<String> VERBS =
            Set.of("viewed", "uploaded", "downloaded", "created", "updated", "deleted", "invited");
    private static final Pattern DETAIL = Pattern.compile(
            "<subject>([^<]+)</subject> <predicate>(\\w+)</predicate> (.+) (in|to|from) the "
                    + "<object><a href=\"/workspaces/(\\d+)\">([^<]+)</a> Workspace</object>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    /** An ampersand that does not start one of the entities Rails writes. */
    private static final Pattern BARE_AMPERSAND = Pattern.compile("&(?!(amp|lt|gt|quot|#39);)");

    /** Built once for the class: every test only reads it. */
    private static final Generated EXPORT = Generated.run("onehub", 3_001, 30, 9);

    @Test
    void pagesCountTheirEntries() {
        List<JsonNode> pages = EXPORT.pages();
        assertEquals(101, pages.size());
        for (int p = 0; p < pages.size(); p++) {
            JsonNode page = pages.get(p);
            assertEquals(List.of("total_entries", "current_page", "total_pages", "per_page", "items"),
                    Generated.fieldNames(page));
            assertEquals(3_001, page.get("total_entries").asLong());
            assertEquals(p + 1, page.get("current_page").asInt());
            assertEquals(101, page.get("total_pages").asInt());
            assertEquals(30, page.get("per_page").asInt());
            assertEquals(p < 100 ? 30 : 1, page.get("items").size());
        }
    }

    @Test
    void anEmptyExportIsTheVendorsEmptyPage() {
        List<JsonNode> pages = Generated.run("onehub", 0, 1, 9).pages();
        assertEquals(1, pages.size());
        assertEquals("{\"total_entries\":0,\"current_page\":1,\"total_pages\":0,\"per_page\":30,\"items\":[]}",
                pages.get(0).toString());
    }

    @Test
    void eventsHaveUniqueDecreasingIdsAndLocalTimes() {
        long previous = Long.MAX_VALUE;
        Set<ZoneOffset> offsets = new HashSet<>();
        for (JsonNode event : EXPORT.records()) {
            assertEquals(List.of("id", "updated_at", "detail", "workspace_id", "user_id"), Generated.fieldNames(event));
            assertTrue(event.get("id").isIntegralNumber() && event.get("workspace_id").isIntegralNumber()
                    && event.get("user_id").isIntegralNumber(), event.toString());
            long id = event.get("id").asLong();
            assertTrue(id > 0 && id < previous, id + " after " + previous);
            previous = id;
            String updatedAt = event.get("updated_at").asText();
            assertTrue(updatedAt.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d"), updatedAt);
            ZoneOffset offset = OffsetDateTime.parse(updatedAt).getOffset();
            assertFalse(offset.equals(ZoneOffset.UTC), updatedAt);
            offsets.add(offset);
        }
        assertTrue(offsets.size() >= 5, offsets + " offsets");
    }

    @Test
    void detailsAreTheVendorsMarkupWithEscapedNames() {
        Set<String> verbs = new HashSet<>();
        Set<Long> workspaces = new HashSet<>();
        Set<Long> users = new HashSet<>();
        int escaped = 0;
        for (JsonNode event : EXPORT.records()) {
            String detail = event.get("detail").asText();
            Matcher matcher = DETAIL.matcher(detail);
            assertTrue(matcher.matches(), detail);
            assertTrue(VERBS.contains(matcher.group(2)), detail);
            assertEquals(event.get("workspace_id").asText(), matcher.group(5), detail);
            String text = TAG.matcher(detail).replaceAll("");
            assertFalse(BARE_AMPERSAND.matcher(text).find(), "unescaped & in " + detail);
            assertFalse(text.contains("\"") || text.contains("'"), "unescaped quote in " + detail);
            if (detail.contains("&amp;") || detail.contains("&lt;") || detail.contains("&quot;") || detail.contains("&#39;")) {
                escaped++;
            }
            verbs.add(matcher.group(2));
            workspaces.add(event.get("workspace_id").asLong());
            users.add(event.get("user_id").asLong());
        }
        assertEquals(VERBS, verbs);
        assertTrue(escaped > 30, escaped + " details with escaped names");
        assertTrue(workspaces.size() >= 20, workspaces.size() + " workspaces");
        assertTrue(users.size() >= 150, users.size() + " users");
    }

    @Test
    void fileEventsLinkTheFileInsideItsWorkspace() {
        Pattern file = Pattern.compile("the <object><a href=\"/workspaces/(\\d+)/files/\\d+\">[^<]+</a> File</object> "
                + "<complement>\\(\\d+(\\.\\d+)? (Bytes|KB|MB|GB)\\)</complement>");
        long files = 0;
        for (JsonNode event : EXPORT.records()) {
            Matcher matcher = file.matcher(event.get("detail").asText());
            if (matcher.find()) {
                assertEquals(event.get("workspace_id").asText(), matcher.group(1));
                files++;
            }
        }
        assertTrue(files > 3_001 / 2, files + " file events");
    }
}
