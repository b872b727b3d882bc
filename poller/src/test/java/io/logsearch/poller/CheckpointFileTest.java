package io.logsearch.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {

    private static final TimeSpan SPAN = new TimeSpan(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-03T12:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void keepsEachKeysCheckpointAndItsPendingPage() {
        CheckpointFile file = new CheckpointFile(dir.resolve("checkpoints.json"));
        assertEquals(Optional.empty(), file.read("thousandeyes a"));
        Checkpoint pending = Checkpoint.startingAt(SPAN.since()).at(new PageRequest(SPAN, "https://api/x?cursor=abc"));
        file.save("thousandeyes a", pending);
        file.save("onehub b", Checkpoint.startingAt(Instant.parse("2026-11-30T00:00:00Z")));

        CheckpointFile again = new CheckpointFile(dir.resolve("checkpoints.json"));
        assertEquals(Optional.of(pending), again.read("thousandeyes a"));
        assertEquals(Optional.of(Checkpoint.startingAt(Instant.parse("2026-11-30T00:00:00Z"))), again.read("onehub b"));
        assertFalse(Files.exists(dir.resolve("checkpoints.json.tmp")), "the temporary file is renamed over the checkpoints");
    }

    @Test
    void aFinishedRunReachesBackTheOverlapAndNeverBeforeItsStart() {
        Checkpoint finished = Checkpoint.startingAt(SPAN.since()).at(new PageRequest(SPAN, "3")).finished(SPAN, Duration.ofMinutes(15));
        assertEquals(Checkpoint.startingAt(Instant.parse("2026-12-03T11:45:00Z")), finished);
        assertEquals(SPAN.since(), Checkpoint.startingAt(SPAN.since()).finished(SPAN, Duration.ofDays(30)).since());
    }

    @Test
    void aDamagedFileIsNamedAndNotOverwritten() throws Exception {
        Path path = dir.resolve("checkpoints.json");
        Files.writeString(path, "{\"checkpoints\": {\"k\": {\"since\": \"yesterday\"}}}");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new CheckpointFile(path).read("k"));
        assertTrue(e.getMessage().contains(path.toString()) && e.getMessage().contains("k"), e.getMessage());
        Files.writeString(path, "[1, 2");
        assertThrows(IllegalStateException.class, () -> new CheckpointFile(path).save("k", Checkpoint.startingAt(Instant.EPOCH)));
        assertEquals("[1, 2", Files.readString(path));
    }
}
