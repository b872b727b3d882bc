package io.logsearch.api.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.api.TestApi;
import io.logsearch.api.auth.Tokens;
import io.logsearch.integrity.DigestDirectory;
import io.logsearch.integrity.DigestSigner;
import io.logsearch.integrity.Sealer;
import io.logsearch.integrity.SignatureCheck;
import io.logsearch.integrity.SigningKeys;
import io.logsearch.integrity.Verifier;
import io.logsearch.storage.EventStore;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /v1/integrity}: the verify report as JSON, for admin tokens only. */
@ExtendWith(RealElasticsearch.class)
class IntegrityApiIT {

    private static final String ADMIN = "admin-token-0123456789";
    private static final String SEARCH = "search-token-0123456789";
    private static TestApi api;
    private static EventStore store;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start(TestElasticsearch es) throws Exception {
        Path file = Files.writeString(dir.resolve("tokens.json"), """
                {"tokens": [
                  {"name": "admin", "sha256": "%s", "organizations": ["*"], "scopes": ["search", "admin"]},
                  {"name": "reader", "sha256": "%s", "organizations": ["*"], "scopes": ["search"]}
                ]}""".formatted(Tokens.sha256Hex(ADMIN), Tokens.sha256Hex(SEARCH)));
        Tokens tokens = Tokens.read(file);
        KeyPair keys = SigningKeys.generate();
        DigestDirectory digests = new DigestDirectory(dir.resolve("digests"));
        api = TestApi.start(es, cfg -> {
            store = cfg.store;
            cfg.tokens = Optional.of(tokens);
            cfg.integrity = Optional.of((from, to) -> new Verifier(cfg.store, digests, new SignatureCheck(keys.getPublic()),
                    dir, 100).verify(from, to));
        });
        api.loadEcs(List.of(
                "{\"@timestamp\":\"2026-11-01T00:00:00Z\",\"event\":{\"id\":\"a1\",\"action\":\"x\"}}",
                "{\"@timestamp\":\"2026-11-02T00:00:01Z\",\"event\":{\"id\":\"b1\",\"action\":\"x\"}}"));
        new Sealer(store, digests, new DigestSigner(keys.getPrivate(), keys.getPublic()), new SignatureCheck(keys.getPublic()),
                Clock.systemUTC(), dir, 100).seal();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    @Test
    void anAdminGetsTheReportOfTheRange() {
        TestApi.Response all = api.get("/v1/integrity", bearer(ADMIN));
        assertEquals(200, all.status(), all.body());
        JsonNode report = all.json();
        assertTrue(report.get("intact").booleanValue(), all.body());
        assertEquals(2, report.get("partitions").size(), all.body());
        JsonNode first = report.get("partitions").get(0);
        assertEquals(1, first.get("sealedVersion").intValue());
        assertEquals(0, first.get("inserted").get("count").intValue());

        TestApi.Response day = api.get("/v1/integrity?startDate=2026-11-02&endDate=2026-11-02", bearer(ADMIN));
        assertEquals(1, day.json().get("partitions").size(), day.body());
        assertTrue(day.json().get("partitions").get(0).get("partition").textValue().endsWith("-2026.11.02"), day.body());
    }

    @Test
    void aSearchTokenIsForbiddenAndBadDatesAreNamed() {
        assertEquals(403, api.get("/v1/integrity", bearer(SEARCH)).status());
        TestApi.Response bad = api.get("/v1/integrity?startDate=yesterday&endDate=2026-11-01", bearer(ADMIN));
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.body().contains("startDate: must be a date"), bad.body());
        TestApi.Response reversed = api.get("/v1/integrity?startDate=2026-11-02&endDate=2026-11-01", bearer(ADMIN));
        assertEquals(400, reversed.status());
        assertTrue(reversed.body().contains("endDate: is before startDate"), reversed.body());
    }
}
