package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --poll FILE}: entries mean what the same {@code poll} options mean, and every mistake names the entry and what is wrong. */
class PollConfigTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("TE_TOKEN", "te-token-value", "ONEHUB_TOKEN", "onehub-token-value");

    @TempDir
    Path dir;

    private List<PollConfig.Entry> read(String json) throws IOException {
        Path file = dir.resolve("pollers.json");
        Files.writeString(file, json);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return PollConfig.read(file, ENVIRONMENT::get);
    }

    private String refused(String json) {
        return assertThrows(UsageException.class, () -> read(json)).getMessage();
    }

    @Test
    void entriesAreThePollOptionsWithTheEnvironmentFilledIn() throws IOException {
        List<PollConfig.Entry> entries = read("""
                {"pollers": [
                  {"source": "thousandeyes", "url": "http://127.0.0.1:1/v7", "token": "${TE_TOKEN}", "aid": 1234,
                   "interval": "5m", "overlap": "1h", "since": "2026-01-01T00:00:00Z"},
                  {"source": "onehub", "url": "http://127.0.0.1:1", "token": "${ONEHUB_TOKEN}", "workspaces": ["w1", "w2"],
                   "checkpoint": "onehub.json", "dead-letter": "onehub-rejected.ndjson"},
                  {"source": "actionhub", "url": "http://127.0.0.1:1", "token": "t", "program-id": "p", "users": ["u1", "u2"],
                   "use-all-permitted-aids": false}
                ]}
                """);
        assertEquals(List.of("pollers[0] (thousandeyes)", "pollers[1] (onehub)", "pollers[2] (actionhub)"),
                entries.stream().map(PollConfig.Entry::name).toList());
        PollCommand te = entries.get(0).options();
        assertEquals(Duration.ofMinutes(5), te.interval());
        assertEquals(Duration.ofHours(1), te.settings().overlap());
        assertEquals("2026-01-01T00:00:00Z", te.settings().firstSince().toString());
        assertTrue(entries.get(0).client().checkpointKey().contains(" aid=1234 "), entries.get(0).client().checkpointKey());
        assertEquals(Path.of("logsearch-checkpoints.json"), te.checkpoint(), "poll's default");
        assertEquals(Path.of("onehub.json"), entries.get(1).options().checkpoint());
        assertEquals(Path.of("onehub-rejected.ndjson"), entries.get(1).options().deadLetterPath(Path.of("shared.ndjson")));
        assertEquals(Path.of("shared.ndjson"), te.deadLetterPath(Path.of("shared.ndjson")));
        assertEquals("onehub", entries.get(1).client().source().id());
        assertTrue(entries.get(2).client().checkpointKey().endsWith("program-id=p users=u1,u2"), entries.get(2).client().checkpointKey());
    }

    @Test
    void aFileOthersMayReadIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("open.json"), "{\"pollers\": [{\"source\": \"onehub\", \"url\": \"http://127.0.0.1:1\"}]}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        String message = assertThrows(UsageException.class, () -> PollConfig.read(file, ENVIRONMENT::get)).getMessage();
        assertTrue(message.contains("chmod 600 " + file), message);
        assertTrue(assertThrows(UsageException.class, () -> PollConfig.read(dir.resolve("missing.json"), ENVIRONMENT::get))
                .getMessage().contains("no such file"));
    }

    @Test
    void eachMistakeNamesTheEntryAndNeverACredential() {
        assertTrue(refused("not json").contains("is not JSON"));
        assertTrue(refused("{\"pollers\": []}").contains("at least one poller"));
        assertTrue(refused("{\"pollers\": [\"onehub\"]}").contains("pollers[0] must be a JSON object of poll options"));

        String unknown = refused("{\"pollers\": [{\"source\": \"onehub\", \"url\": \"http://127.0.0.1:1\", \"token\": \"secret-onehub\", \"colour\": \"red\"}]}");
        assertTrue(unknown.contains("pollers[0] (onehub)") && unknown.contains("--colour"), unknown);
        assertFalse(unknown.contains("secret-onehub"), unknown);

        String missing = refused("{\"pollers\": [{\"source\": \"onehub\", \"url\": \"http://127.0.0.1:1\"},"
                + " {\"source\": \"actionhub\", \"url\": \"http://127.0.0.1:1\", \"token\": \"secret-actionhub\"}]}");
        assertTrue(missing.contains("pollers[1] (actionhub): --source actionhub needs --program-id"), missing);
        assertFalse(missing.contains("secret-actionhub"), missing);

        String index = refused("{\"pollers\": [{\"source\": \"onehub\", \"url\": \"http://127.0.0.1:1\", \"index\": \"other\"}]}");
        assertTrue(index.contains("\"index\" is serve's own"), index);
        assertTrue(refused("{\"pollers\": [{\"source\": \"onehub\", \"url\": \"http://127.0.0.1:1\", \"once\": true}]}").contains("\"once\" is serve's own"));

        String unset = refused("{\"pollers\": [{\"source\": \"onehub\", \"url\": \"http://127.0.0.1:1\", \"token\": \"${NOT_SET_ANYWHERE}\"}]}");
        assertTrue(unset.contains("pollers[0] (onehub).token: the environment variable NOT_SET_ANYWHERE is not set"), unset);

        String shape = refused("{\"pollers\": [{\"source\": \"onehub\", \"url\": \"http://127.0.0.1:1\", \"workspaces\": {\"a\": 1}}]}");
        assertTrue(shape.contains("\"workspaces\" must be a string, a number, true or a list of strings"), shape);

        String interval = refused("{\"pollers\": [{\"source\": \"onehub\", \"url\": \"http://127.0.0.1:1\", \"interval\": \"often\"}]}");
        assertTrue(interval.contains("pollers[0] (onehub)") && interval.contains("often"), interval);
    }

    @Test
    void twoPollersOfTheSameThingIntoOneCheckpointAreRefused() {
        String same = refused("""
                {"pollers": [
                  {"source": "onehub", "url": "http://127.0.0.1:1", "token": "a"},
                  {"source": "onehub", "url": "http://127.0.0.1:1", "token": "b"}
                ]}
                """);
        assertTrue(same.contains("pollers[0] (onehub) and pollers[1] (onehub) poll the same thing into the same checkpoint"), same);
    }
}
