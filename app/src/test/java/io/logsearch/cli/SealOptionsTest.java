package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sealing as a step of load, prune and serve is on with both directories and a usage error with one, before anything runs. */
class SealOptionsTest {

    @TempDir
    Path dir;

    private static synchronized String usageError(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            assertEquals(2, Main.run(args), () -> stderr.toString(StandardCharsets.UTF_8));
            return stderr.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void oneDirectoryWithoutTheOtherIsAUsageError() throws Exception {
        String both = "sealing needs both --seal-keys and --digest-dir (or $LOGSEARCH_SEAL_KEYS and $LOGSEARCH_DIGEST_DIR)";
        assertEquals("logsearch prune: " + both, usageError("prune", "--older-than", "90d", "--seal-keys", dir.toString()));
        Path export = Files.writeString(dir.resolve("export.json"), "[]");
        assertEquals("logsearch load: " + both, usageError("load", "--source", "authing", "--digest-dir", dir.toString(), export.toString()));
        assertEquals("logsearch serve: --seal-interval needs --seal-keys and --digest-dir",
                usageError("serve", "--port", "0", "--seal-interval", "5m"));
    }
}
