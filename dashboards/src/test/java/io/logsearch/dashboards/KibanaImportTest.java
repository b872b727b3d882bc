package io.logsearch.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The import against a stand-in Kibana on loopback (a real Kibana cannot run on the build machine). */
class KibanaImportTest {

    private static final String NDJSON = SavedObjects.ndjson(SavedObjects.DEFAULT_BASE);

    /** As Kibana 8.x answers a clean import: every object in successResults. */
    private static final String SUCCESS = "{\"successCount\":15,\"success\":true,\"warnings\":[],\"successResults\":"
            + "[{\"type\":\"index-pattern\",\"id\":\"logsearch-events\",\"meta\":{\"title\":\"logsearch-events-*\",\"icon\":\"indexPatternApp\"},"
            + "\"overwrite\":true,\"managed\":false}]}";

    /** As Kibana answers, still with HTTP 200, when it refuses objects. */
    private static final String PARTIAL = "{\"successCount\":13,\"success\":false,\"warnings\":[],\"errors\":["
            + "{\"id\":\"logsearch-top-client-ips\",\"type\":\"lens\",\"meta\":{\"title\":\"Top client IPs\",\"icon\":\"lensApp\"},"
            + "\"error\":{\"type\":\"missing_references\",\"references\":[{\"type\":\"index-pattern\",\"id\":\"logsearch-events\"}]},"
            + "\"overwrite\":true},"
            + "{\"id\":\"logsearch-audit-events\",\"type\":\"search\",\"meta\":{\"title\":\"Audit events\",\"icon\":\"discoverApp\"},"
            + "\"error\":{\"type\":\"unknown\",\"message\":\"[attributes.sortx]: definition for this key is missing\",\"statusCode\":400}}]}";

    @Test
    void postsTheObjectsAsAMultipartNdjsonFileWithKbnXsrfAndCredentials() throws Exception {
        try (StandInKibana kibana = new StandInKibana(200, SUCCESS)) {
            KibanaAuth auth = KibanaAuth.fromEnvironment(Map.of("KIBANA_USERNAME", "elastic", "KIBANA_PASSWORD", "s3cret"));
            ImportResult result = new KibanaImport(kibana.url(), Optional.empty(), auth).importObjects(NDJSON);

            assertTrue(result.complete());
            assertEquals(15, result.successCount());
            StandInKibana.Request request = kibana.requests.get(0);
            assertEquals("POST", request.method());
            assertEquals("/api/saved_objects/_import", request.path());
            assertEquals("overwrite=true", request.query());
            assertEquals("true", request.header("kbn-xsrf"));
            assertEquals("Basic " + Base64.getEncoder().encodeToString("elastic:s3cret".getBytes(StandardCharsets.UTF_8)),
                    request.header("Authorization"));
            Matcher boundary = Pattern.compile("multipart/form-data; boundary=(.+)").matcher(request.header("Content-Type"));
            assertTrue(boundary.matches(), request.header("Content-Type"));
            String[] parts = request.body().split("--" + Pattern.quote(boundary.group(1)));
            assertEquals(3, parts.length, "one part between the opening and the closing boundary");
            assertEquals("--\r\n", parts[2]);
            String part = parts[1];
            assertTrue(part.startsWith("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"logsearch.ndjson\"\r\n"), part);
            String content = part.substring(part.indexOf("\r\n\r\n") + 4, part.length() - 2);
            assertEquals(NDJSON, content, "the file part is the NDJSON, unchanged");
        }
    }

    @Test
    void aSpaceIsAddressedUnderSAndAnApiKeyIsSentAsApiKey() throws Exception {
        try (StandInKibana kibana = new StandInKibana(200, SUCCESS)) {
            KibanaAuth auth = KibanaAuth.fromEnvironment(Map.of("KIBANA_API_KEY", "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw=="));
            URI withSlash = URI.create(kibana.url() + "/");
            assertTrue(new KibanaImport(withSlash, Optional.of("security-ops"), auth).importObjects(NDJSON).complete());
            StandInKibana.Request request = kibana.requests.get(0);
            assertEquals("/s/security-ops/api/saved_objects/_import", request.path());
            assertEquals("ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==", request.header("Authorization"));
        }
    }

    @Test
    void perObjectErrorsWithHttp200AreAnIncompleteImportNamingEachObjectAndWhy() throws Exception {
        try (StandInKibana kibana = new StandInKibana(200, PARTIAL)) {
            ImportResult result = new KibanaImport(kibana.url(), Optional.empty(), KibanaAuth.NONE).importObjects(NDJSON);
            assertFalse(result.complete());
            assertEquals(13, result.successCount());
            assertEquals(List.of(
                    "lens logsearch-top-client-ips \"Top client IPs\": missing_references index-pattern/logsearch-events",
                    "search logsearch-audit-events \"Audit events\": unknown: [attributes.sortx]: definition for this key is missing"),
                    result.errors());
            assertEquals("", kibana.requests.get(0).header("Authorization"), "no credentials, no header");
        }
    }

    @Test
    void errorsListedBesideSuccessTrueStillMakeTheImportIncomplete() throws Exception {
        String answer = "{\"success\":true,\"successCount\":14,\"errors\":[{\"id\":\"x\",\"type\":\"lens\",\"meta\":{},"
                + "\"error\":{\"type\":\"conflict\"}}]}";
        try (StandInKibana kibana = new StandInKibana(200, answer)) {
            ImportResult result = new KibanaImport(kibana.url(), Optional.empty(), KibanaAuth.NONE).importObjects(NDJSON);
            assertFalse(result.complete());
            assertEquals(List.of("lens x: conflict"), result.errors());
        }
        try (StandInKibana kibana = new StandInKibana(200, "{\"success\":false,\"successCount\":0}")) {
            assertFalse(new KibanaImport(kibana.url(), Optional.empty(), KibanaAuth.NONE).importObjects(NDJSON).complete());
        }
    }

    @Test
    void http401IsAnErrorWithKibanasMessageAndWhichVariablesToSet() throws Exception {
        String answer = "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"[security_exception]: unable to authenticate user\"}";
        try (StandInKibana kibana = new StandInKibana(401, answer)) {
            KibanaImport target = new KibanaImport(kibana.url(), Optional.empty(), KibanaAuth.NONE);
            KibanaException e = assertThrows(KibanaException.class, () -> target.importObjects(NDJSON));
            assertEquals("Kibana at " + kibana.url() + "/api/saved_objects/_import?overwrite=true answered HTTP 401: "
                    + "[security_exception]: unable to authenticate user; set KIBANA_USERNAME/KIBANA_PASSWORD or KIBANA_API_KEY "
                    + "for a user allowed to manage saved objects", e.getMessage());
        }
    }

    @Test
    void anUnreachableKibanaIsAnErrorNamingItsUrl() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port);
        KibanaImport target = new KibanaImport(url, Optional.empty(), KibanaAuth.NONE);
        KibanaException e = assertThrows(KibanaException.class, () -> target.importObjects(NDJSON));
        assertTrue(e.getMessage().startsWith("Kibana at " + url + " cannot be reached"), e.getMessage());
    }

    @Test
    void aBodyThatIsNotJsonIsAnErrorShowingIt() throws Exception {
        try (StandInKibana kibana = new StandInKibana(502, "<html>Bad Gateway</html>")) {
            KibanaImport target = new KibanaImport(kibana.url(), Optional.empty(), KibanaAuth.NONE);
            KibanaException e = assertThrows(KibanaException.class, () -> target.importObjects(NDJSON));
            assertTrue(e.getMessage().endsWith("answered HTTP 502 with a body that is not JSON: <html>Bad Gateway</html>"), e.getMessage());
        }
    }

    @Test
    void badUrlsSpacesAndCredentialsAreRefusedWithTheirNames() {
        assertEquals("--kibana must be an http(s) URL such as http://127.0.0.1:5601, not 'ftp://kibana'",
                assertThrows(IllegalArgumentException.class,
                        () -> new KibanaImport(URI.create("ftp://kibana"), Optional.empty(), KibanaAuth.NONE)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new KibanaImport(URI.create("kibana:5601"), Optional.empty(), KibanaAuth.NONE));
        assertEquals("--space must be a Kibana space id (lowercase letters, digits, '_' and '-'), not 'Ops/x'",
                assertThrows(IllegalArgumentException.class,
                        () -> new KibanaImport(URI.create("http://k:5601"), Optional.of("Ops/x"), KibanaAuth.NONE)).getMessage());
        assertEquals("KIBANA_USERNAME and KIBANA_PASSWORD go together; KIBANA_PASSWORD is not set",
                assertThrows(IllegalArgumentException.class, () -> KibanaAuth.fromEnvironment(Map.of("KIBANA_USERNAME", "elastic")))
                        .getMessage());
        assertEquals("set either KIBANA_API_KEY or KIBANA_USERNAME/KIBANA_PASSWORD, not both",
                assertThrows(IllegalArgumentException.class, () -> KibanaAuth.fromEnvironment(
                        Map.of("KIBANA_API_KEY", "k", "KIBANA_USERNAME", "u", "KIBANA_PASSWORD", "p"))).getMessage());
        assertEquals(KibanaAuth.NONE, KibanaAuth.fromEnvironment(Map.of("KIBANA_API_KEY", "")), "empty counts as unset");
    }
}
