package io.logsearch.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Tokens parse(String json) throws Exception {
        return Tokens.parse(JSON.readTree(json), "tokens.json");
    }

    @Test
    void aTokenIsKnownByItsHashAndCarriesItsScope() throws Exception {
        Tokens tokens = parse("""
                {"tokens":[{"name":"ops","sha256":"%s","organizations":["*"],"scopes":["search","ingest"]},
                           {"name":"a","sha256":"%s","organizations":["1234",5678],"scopes":["search"],"userId":"481","role":"viewer"}]}
                """.formatted(Tokens.sha256Hex("s3cret"), Tokens.sha256Hex("other").toUpperCase()));
        Caller ops = tokens.authenticate("s3cret").orElseThrow();
        assertEquals("ops", ops.name());
        assertEquals(Optional.empty(), ops.organizations());
        assertTrue(ops.has(Scope.INGEST));
        Caller a = tokens.authenticate("other").orElseThrow();
        assertEquals(Optional.of(Set.of("1234", "5678")), a.organizations());
        assertEquals(Optional.of("481"), a.userId());
        assertEquals(Optional.of("viewer"), a.role());
        assertTrue(a.canSee("1234") && !a.canSee("9"));
        assertEquals(Optional.empty(), tokens.authenticate("s3cret "));
        assertEquals(Optional.empty(), tokens.authenticate(""));
    }

    @Test
    void mistakesInTheFileAreNamed() {
        String hash = Tokens.sha256Hex("x");
        String[][] cases = {
                {"{}", "at least one token"},
                {"{\"tokens\":[]}", "at least one token"},
                {"{\"tokens\":[{\"sha256\":\"" + hash + "\",\"organizations\":[\"*\"],\"scopes\":[\"search\"]}]}", "'name' is required"},
                {"{\"tokens\":[{\"name\":\"a\",\"sha256\":\"abc\",\"organizations\":[\"*\"],\"scopes\":[\"search\"]}]}", "64 hex digits"},
                {"{\"tokens\":[{\"name\":\"a\",\"sha256\":\"" + hash + "\",\"scopes\":[\"search\"]}]}", "organizations"},
                {"{\"tokens\":[{\"name\":\"a\",\"sha256\":\"" + hash + "\",\"organizations\":[\"*\"],\"scopes\":[\"read\"]}]}", "unknown scope 'read'"},
                {"{\"tokens\":[{\"name\":\"a\",\"sha256\":\"" + hash + "\",\"organizations\":[\"*\"],\"scopes\":[\"search\"]},"
                        + "{\"name\":\"a\",\"sha256\":\"" + hash + "\",\"organizations\":[\"*\"],\"scopes\":[\"search\"]}]}", "used twice"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
            assertTrue(e.getMessage().contains("tokens.json"), e.getMessage());
        }
    }

    @Test
    void aTimeZoneIsAnIanaZoneCheckedWhenTheFileIsRead() throws Exception {
        String token = "{\"tokens\":[{\"name\":\"a\",\"sha256\":\"" + Tokens.sha256Hex("x")
                + "\",\"organizations\":[\"*\"],\"scopes\":[\"search\"]%s}]}";
        assertEquals(Optional.of(ZoneId.of("America/Los_Angeles")),
                parse(token.formatted(",\"timeZone\":\"America/Los_Angeles\"")).authenticate("x").orElseThrow().timeZone());
        assertEquals(Optional.empty(), parse(token.formatted("")).authenticate("x").orElseThrow().timeZone());
        for (String zone : new String[] {"\"Pacific Time\"", "\"+01:00\"", "-8"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(token.formatted(",\"timeZone\":" + zone)));
            assertTrue(e.getMessage().contains("timeZone must be an IANA time zone") && e.getMessage().contains("tokens.json"), e.getMessage());
        }
    }

    private static final String WITH_KEYS = """
            {"tokens":[{"name":"ops","sha256":"%s","organizations":["*"],"scopes":["search"]}],
             "accessKeys":[{"id":"pool-a-key","secret":"s3cret","userPool":"pool-a","scopes":["search"]}]}
            """.formatted(Tokens.sha256Hex("t"));

    @Test
    void anAccessKeyStandsForItsUserPoolWithItsScopes() throws Exception {
        Tokens tokens = parse(WITH_KEYS);
        AccessKey key = tokens.accessKey("pool-a-key").orElseThrow();
        assertEquals("s3cret", key.secret());
        assertEquals(Optional.of(Set.of("pool-a")), key.caller().organizations());
        assertTrue(key.caller().has(Scope.SEARCH) && !key.caller().has(Scope.INGEST));
        assertFalse(key.toString().contains("s3cret"));
        assertEquals(Optional.empty(), tokens.accessKey("ops"));
        assertEquals(Optional.empty(), tokens.authenticate("s3cret"));
    }

    @Test
    void mistakesInAccessKeysAreNamed() {
        String token = "{\"name\":\"ops\",\"sha256\":\"" + Tokens.sha256Hex("t") + "\",\"organizations\":[\"*\"],\"scopes\":[\"search\"]}";
        String[][] cases = {
                {"[{\"secret\":\"s\",\"userPool\":\"p\",\"scopes\":[\"search\"]}]", "access key 1: 'id' is required"},
                {"[{\"id\":\"k\",\"userPool\":\"p\",\"scopes\":[\"search\"]}]", "'secret' is required"},
                {"[{\"id\":\"k\",\"secret\":\"s\",\"scopes\":[\"search\"]}]", "'userPool' is required"},
                {"[{\"id\":\"k\",\"secret\":\"s\",\"userPool\":\"p\"}]", "scopes must be"},
                {"[{\"id\":\"ops\",\"secret\":\"s\",\"userPool\":\"p\",\"scopes\":[\"search\"]}]", "used twice"},
                {"{}", "accessKeys must be an array"},
        };
        for (String[] c : cases) {
            String json = "{\"tokens\":[" + token + "],\"accessKeys\":" + c[0] + "}";
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(json), json);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
        }
    }

    @Test
    void aFileWithAccessKeysMustBeTheOwnersAlone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, WITH_KEYS);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class, () -> Tokens.read(file));
        assertTrue(open.getMessage().contains("holds access key secrets but is rw-r--r--"), open.getMessage());
        assertTrue(open.getMessage().contains("chmod 600 " + file), open.getMessage());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw----r--"));
        assertThrows(IllegalArgumentException.class, () -> Tokens.read(file));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertTrue(Tokens.read(file).accessKey("pool-a-key").isPresent());

        Path hashesOnly = dir.resolve("hashes.json");
        Files.writeString(hashesOnly, WITH_KEYS.replaceAll(",\\s*\"accessKeys\":\\[.*]", ""));
        Files.setPosixFilePermissions(hashesOnly, PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(Tokens.read(hashesOnly).authenticate("t").isPresent());
    }
}
