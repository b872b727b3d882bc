package io.logsearch.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionSealTest {

    @TempDir
    Path dir;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void timestampsWithOffsetsCountAsInstants() throws IOException {
        try (PartitionSeal seal = new PartitionSeal(dir, 100)) {
            seal.add("b", utf8("{\"@timestamp\":\"2026-12-01T01:30:00.250Z\"}"));
            seal.add("a", utf8("{\"@timestamp\":\"2026-12-01T08:00:00+08:00\"}"));
            PartitionDigest digest = seal.digest(dir.resolve("l"), "b", "b-2026.12.01", 1, PartitionDigest.GENESIS, Instant.EPOCH, "k");
            assertEquals(Instant.parse("2026-12-01T00:00:00Z"), digest.earliest());
            assertEquals(Instant.parse("2026-12-01T01:30:00.250Z"), digest.latest());
        }
        LeafFile.Reader reader = new LeafFile.Reader(dir.resolve("l"));
        assertEquals("a", reader.next().id());
        assertEquals("b", reader.next().id());
        reader.close();
    }

    @Test
    void anEmptyPartitionHasNothingToSeal() throws IOException {
        try (PartitionSeal seal = new PartitionSeal(dir, 100)) {
            assertEquals("partition p holds no events: nothing to seal", assertThrows(IllegalStateException.class,
                    () -> seal.digest(dir.resolve("l"), "b", "p", 1, PartitionDigest.GENESIS, Instant.EPOCH, "k")).getMessage());
        }
    }

    @Test
    void badEventsAreNamed() throws IOException {
        try (PartitionSeal seal = new PartitionSeal(dir, 100)) {
            assertEquals("event x has no @timestamp text",
                    assertThrows(IllegalArgumentException.class, () -> seal.add("x", utf8("{}"))).getMessage());
            assertEquals("event y has an @timestamp that is not ISO-8601: 'today'", assertThrows(IllegalArgumentException.class,
                    () -> seal.add("y", utf8("{\"@timestamp\":\"today\"}"))).getMessage());
        }
    }

    @Test
    void aDamagedLeafLineIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("l"), "{\"id\":\"a\",\"sha256\":\"" + "0".repeat(64) + "\"}\n{\"id\":\"b\"}\n");
        try (LeafFile.Reader reader = new LeafFile.Reader(file)) {
            reader.next();
            assertEquals(file + " line 2 is not a leaf: needs text members 'id' and 'sha256'",
                    assertThrows(IllegalArgumentException.class, reader::next).getMessage());
        }
    }
}
