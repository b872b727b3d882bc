package io.logsearch.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ES_* environment variables, read and checked. */
class EsSettingsTest {

    @TempDir
    Path dir;

    @Test
    void withNothingSetItIsTheLocalNodeWithoutCredentials() {
        EsSettings settings = EsSettings.fromEnvironment(Map.of());
        assertEquals(new EsSettings("http://127.0.0.1:9200", Optional.empty(), Optional.empty(), Optional.empty()), settings);
        assertEquals(EsSettings.DEFAULT_URL, EsSettings.fromEnvironment(Map.of("ES_URL", "  ")).url(), "blank is unset");
    }

    @Test
    void theUrlIsTakenWithoutTrailingSlashes() {
        assertEquals("https://es.example.com:9243", EsSettings.fromEnvironment(Map.of("ES_URL", "https://es.example.com:9243/")).url());
        assertEquals("http://[::1]:9200", EsSettings.fromEnvironment(Map.of("ES_URL", "http://[::1]:9200")).url());
        assertEquals("http://es", EsSettings.fromEnvironment(Map.of("ES_URL", " http://es ")).url());
    }

    @Test
    void aUrlTheClientCannotUseIsRefusedWithTheReason() {
        assertRefused(Map.of("ES_URL", "127.0.0.1:9200"), "ES_URL must start with http:// or https://, not '127.0.0.1:9200'");
        assertRefused(Map.of("ES_URL", "ftp://es:21"), "ES_URL must start with http:// or https://, not 'ftp://es:21'");
        assertRefused(Map.of("ES_URL", "http://"), "ES_URL 'http://' is not a URL: Expected authority at index 7: http://");
        assertRefused(Map.of("ES_URL", "http://:9200"), "ES_URL 'http://:9200' has no valid host name (letters, digits, '-' and '.', or an IP address)");
        assertRefused(Map.of("ES_URL", "http://es:99999"), "ES_URL 'http://es:99999' has a port outside 1-65535");
        assertRefused(Map.of("ES_URL", "http://elastic:secret@es:9200"),
                "ES_URL must not carry credentials; set ES_USERNAME and ES_PASSWORD, or ES_API_KEY");
        assertRefused(Map.of("ES_URL", "http://es:9200/prefix"),
                "ES_URL must be http://host[:port], without a path, query or fragment: 'http://es:9200/prefix'");
        assertRefused(Map.of("ES_URL", "http://es:9200?pretty"),
                "ES_URL must be http://host[:port], without a path, query or fragment: 'http://es:9200?pretty'");
    }

    @Test
    void severalNodesAreTakenInTheirOrder() {
        EsSettings settings = EsSettings.fromEnvironment(Map.of("ES_URL", "http://es1:9200/, http://es2:9201 ,http://10.0.0.3"));
        assertEquals("http://es1:9200,http://es2:9201,http://10.0.0.3", settings.url());
        assertEquals(List.of("http://es1:9200", "http://es2:9201", "http://10.0.0.3"), settings.urls());
        assertEquals(List.of("http://es"), EsSettings.of("http://es/").urls());
    }

    @Test
    void aListWithABadEntryIsRefusedNamingIt() {
        assertRefused(Map.of("ES_URL", "http://es1:9200,es2:9200"), "ES_URL must start with http:// or https://, not 'es2:9200'");
        assertRefused(Map.of("ES_URL", "http://es1:9200,,http://es2:9200"), "ES_URL has an empty entry; separate node URLs with single commas");
        assertRefused(Map.of("ES_URL", "http://es1:9200,"), "ES_URL has an empty entry; separate node URLs with single commas");
        assertRefused(Map.of("ES_URL", "http://es1:9200,https://es2:9200"),
                "ES_URL must name nodes of one scheme, all http:// or all https://: 'http://es1:9200,https://es2:9200'");
        assertRefused(Map.of("ES_URL", "http://es1:9200,http://es1:9200/"), "ES_URL names a node twice: 'http://es1:9200,http://es1:9200/'");
    }

    @Test
    void anApiKeyIsKeptAndNeverPrinted() {
        EsSettings settings = EsSettings.fromEnvironment(Map.of("ES_URL", "https://es:9200", "ES_API_KEY", "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw=="));
        assertEquals(Optional.of("VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw=="), settings.apiKey());
        assertEquals(Optional.empty(), settings.credentials());
        assertFalse(settings.toString().contains("VnVh"), settings.toString());
    }

    @Test
    void anApiKeyWithSpacesIsRefused() {
        assertRefused(Map.of("ES_API_KEY", "id key"), "ES_API_KEY must be the encoded API key (the 'encoded' value Elasticsearch returns):"
                + " one token of printable characters without spaces");
    }

    @Test
    void usernameAndPasswordGoTogetherAndThePasswordIsNeverPrinted() {
        EsSettings settings = EsSettings.fromEnvironment(Map.of("ES_USERNAME", "elastic", "ES_PASSWORD", "s3cret"));
        assertEquals(Optional.of(new EsSettings.Credentials("elastic", "s3cret")), settings.credentials());
        assertFalse(settings.toString().contains("s3cret"), settings.toString());
        assertTrue(settings.toString().contains("username=elastic"), settings.toString());

        assertRefused(Map.of("ES_USERNAME", "elastic"), "ES_USERNAME and ES_PASSWORD must be set together");
        assertRefused(Map.of("ES_PASSWORD", "s3cret"), "ES_USERNAME and ES_PASSWORD must be set together");
        assertRefused(Map.of("ES_USERNAME", "a:b", "ES_PASSWORD", "s3cret"), "ES_USERNAME must not contain ':' (basic authentication cannot carry it)");
    }

    @Test
    void anApiKeyAndAPasswordTogetherAreRefused() {
        assertRefused(Map.of("ES_API_KEY", "key", "ES_USERNAME", "elastic", "ES_PASSWORD", "s3cret"),
                "set either ES_API_KEY or ES_USERNAME/ES_PASSWORD, not both");
    }

    @Test
    void theCaCertificateMustBeAReadableFile() throws IOException {
        Path pem = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        assertEquals(Optional.of(pem), EsSettings.fromEnvironment(Map.of("ES_CA_CERT", pem.toString())).caCertificate());

        Path missing = dir.resolve("missing.pem");
        assertRefused(Map.of("ES_CA_CERT", missing.toString()), "ES_CA_CERT " + missing + " is not a readable file");
        assertRefused(Map.of("ES_CA_CERT", dir.toString()), "ES_CA_CERT " + dir + " is not a readable file");
    }

    private static void assertRefused(Map<String, String> env, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EsSettings.fromEnvironment(env));
        assertEquals(message, e.getMessage());
    }
}
