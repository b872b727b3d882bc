package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.api.auth.Tokens;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cursors a hostile client makes: forged, tampered at every byte, replayed with other filters, on
 * another endpoint, signed with another secret, or issued to another tenant's token. Each is a
 * clean 400 naming {@code cursor}, and no event comes back.
 */
@ExtendWith(RealElasticsearch.class)
class HostileCursorsIT {

    private static final String ALPHA = "alpha-token-0123456789";
    private static final String BETA = "beta-token-0123456789";
    private static final String BOTH = "both-token-0123456789";
    private static final String FIRST_PAGE = "/v1/events?size=3&startDate=2024-03-01T00:00:00Z";

    private static TestApi api;
    private static TestApi otherSecret;

    @BeforeAll
    static void start(TestElasticsearch es) throws Exception {
        Path file = Files.createTempFile("cursor-tokens", ".json");
        Files.writeString(file, """
                {"tokens": [
                  {"name": "alpha", "sha256": "%s", "organizations": ["org-a"], "scopes": ["search"]},
                  {"name": "beta", "sha256": "%s", "organizations": ["org-b"], "scopes": ["search"]},
                  {"name": "both", "sha256": "%s", "organizations": ["org-a", "org-b"], "scopes": ["search"]}
                ]}""".formatted(Tokens.sha256Hex(ALPHA), Tokens.sha256Hex(BETA), Tokens.sha256Hex(BOTH)));
        Tokens tokens = Tokens.read(file);
        Files.delete(file);
        api = TestApi.start(es, cfg -> cfg.tokens = Optional.of(tokens));
        otherSecret = TestApi.start(es, cfg -> {
            cfg.tokens = Optional.of(tokens);
            cfg.cursorSecret = Optional.of("quite another secret, as long".getBytes(StandardCharsets.UTF_8));
        });
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            documents.add(("{\"@timestamp\":\"2024-03-01T00:00:%02dZ\",\"event\":{\"id\":\"a%d\",\"action\":\"login\",\"provider\":\"thousandeyes\"},"
                    + "\"organization\":{\"id\":\"org-a\"}}").formatted(10 + i, i));
            documents.add(("{\"@timestamp\":\"2024-03-01T00:01:%02dZ\",\"event\":{\"id\":\"b%d\",\"action\":\"login\",\"provider\":\"thousandeyes\"},"
                    + "\"organization\":{\"id\":\"org-b\"}}").formatted(10 + i, i));
        }
        api.loadEcs(documents);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
        otherSecret.close();
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private static String next(TestApi.Response page) {
        assertEquals(200, page.status(), page.body());
        return page.json().at("/_links/next/href").asText();
    }

    private static String cursorOf(String href) {
        return java.net.URLDecoder.decode(href.replaceAll(".*[?&]cursor=([^&]*).*", "$1"), StandardCharsets.UTF_8);
    }

    private static void assertRefused(TestApi.Response response) {
        assertEquals(400, response.status(), response.body());
        JsonNode problem = response.json();
        assertEquals("cursor", problem.at("/errors/0/field").asText(), response.body());
        assertFalse(response.body().contains("\"events\""), response.body());
    }

    private static String withCursor(String query, String cursor) {
        return query + "&cursor=" + HostileInput.encode(cursor);
    }

    @Test
    void aFollowedCursorWorksForItsToken() {
        String href = next(api.get(FIRST_PAGE, bearer(ALPHA)));
        TestApi.Response second = api.follow(href, bearer(ALPHA));
        assertEquals(200, second.status(), second.body());
        assertTrue(TestApi.ids(second).stream().allMatch(id -> id.startsWith("a")), second.body());
    }

    @Test
    void forgedCursorsAreRefused() {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"t\":0,\"i\":\"b0\",\"f\":\"00000000000000000000000000000000\"}".getBytes(StandardCharsets.UTF_8));
        for (String forged : List.of(payload, payload + ".", payload + ".AAAA", "." + payload, "..", "a.b.c", "%", "eyJ9.eyJ9",
                "{\"t\":0}", "null", "-1", "x".repeat(1000))) {
            assertRefused(api.get(withCursor(FIRST_PAGE, forged), bearer(ALPHA)));
        }
    }

    @Test
    void aCursorTamperedAtAnyByteIsRefused() {
        String cursor = cursorOf(next(api.get(FIRST_PAGE, bearer(ALPHA))));
        int refused = 0;
        for (int i = 0; i < cursor.length(); i++) {
            char c = cursor.charAt(i);
            char other = c == 'A' ? 'B' : c == '.' ? '_' : 'A';
            String tampered = cursor.substring(0, i) + other + cursor.substring(i + 1);
            TestApi.Response response = api.get(withCursor(FIRST_PAGE, tampered), bearer(ALPHA));
            // the last character of unpadded Base64 may carry spare bits that decode to the same bytes
            if (response.status() == 200 && i == cursor.length() - 1) {
                continue;
            }
            assertRefused(response);
            refused++;
        }
        assertTrue(refused >= cursor.length() - 1, refused + " of " + cursor.length());
        assertRefused(api.get(withCursor(FIRST_PAGE, cursor.substring(0, cursor.length() - 2)), bearer(ALPHA)));
        assertRefused(api.get(withCursor(FIRST_PAGE, cursor + "A"), bearer(ALPHA)));
    }

    @Test
    void aCursorReplayedWithOtherFiltersOrOnAnotherEndpointIsRefused() {
        String cursor = cursorOf(next(api.get(FIRST_PAGE, bearer(BOTH))));
        assertRefused(api.get(withCursor(FIRST_PAGE + "&organizationId=org-b", cursor), bearer(BOTH)));
        assertRefused(api.get(withCursor("/v1/events?size=3&startDate=2024-03-01T00:00:01Z", cursor), bearer(BOTH)));
        assertRefused(api.get(withCursor(FIRST_PAGE + "&order=asc", cursor), bearer(BOTH)));
        TestApi.Response thousandEyes = api.get("/compat/thousandeyes/v7/audit-user-events?startDate=2024-03-01T00:00:00Z&cursor="
                + HostileInput.encode(cursor), bearer(BOTH));
        assertEquals(400, thousandEyes.status(), thousandEyes.body());
        assertFalse(thousandEyes.body().contains("auditEvents"), thousandEyes.body());
    }

    @Test
    void aCursorOfAnotherSecretIsRefused() {
        String cursor = cursorOf(next(otherSecret.get(FIRST_PAGE, bearer(ALPHA))));
        assertRefused(api.get(withCursor(FIRST_PAGE, cursor), bearer(ALPHA)));
    }

    @Test
    void aCursorOfAnotherTenantsTokenIsRefused() {
        String alphas = cursorOf(next(api.get(FIRST_PAGE, bearer(ALPHA))));
        assertRefused(api.get(withCursor(FIRST_PAGE, alphas), bearer(BETA)));
        assertRefused(api.get(withCursor(FIRST_PAGE, alphas), bearer(BOTH)));
        TestApi.Response unauthenticated = api.get(withCursor(FIRST_PAGE, alphas));
        assertEquals(401, unauthenticated.status(), unauthenticated.body());
    }
}
