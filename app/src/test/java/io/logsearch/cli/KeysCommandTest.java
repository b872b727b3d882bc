package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logsearch.integrity.SigningKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void generateWritesAPairThePrivateHalfReadableByItsOwnerOnly() throws IOException {
        Path keys = dir.resolve("keys");
        Run run = run("keys", "generate", "--out", keys.toString());
        assertEquals(0, run.exit(), run.err());
        Path privateFile = keys.resolve(SigningKeys.PRIVATE_KEY_FILE);
        Path publicFile = keys.resolve(SigningKeys.PUBLIC_KEY_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile)));
        String keyId = SigningKeys.keyId(SigningKeys.readPublic(publicFile));
        assertEquals("Wrote " + privateFile + " and " + publicFile + " (key id " + keyId + ")\n", run.out());
        SigningKeys.readPrivate(privateFile);
    }

    @Test
    void anExistingPairIsNeverReplaced() throws IOException {
        assertEquals(0, run("keys", "generate", "--out", dir.toString()).exit());
        String before = Files.readString(dir.resolve(SigningKeys.PRIVATE_KEY_FILE));
        Run again = run("keys", "generate", "--out", dir.toString());
        assertEquals(1, again.exit());
        assertEquals("logsearch: " + dir.resolve(SigningKeys.PRIVATE_KEY_FILE)
                + " exists already; move it away to make a new key pair\n", again.err());
        assertEquals(before, Files.readString(dir.resolve(SigningKeys.PRIVATE_KEY_FILE)));
    }

    @Test
    void theDirectoryIsRequired() {
        Run run = run("keys", "generate");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("logsearch keys generate: Missing required option: '--out=DIR'"), run.err());
    }
}
