package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code serve} refuses unsafe or broken set-ups before it starts anything. */
class ServeCommandTest {

    @Test
    void aNonLoopbackBindNeedsTokens() {
        assertEquals(2, Main.run("serve", "--bind", "0.0.0.0", "--port", "0"));
    }

    @Test
    void aMissingOrBrokenTokensFileIsAUsageError() throws Exception {
        assertEquals(2, Main.run("serve", "--tokens", "/nonexistent/tokens.json", "--port", "0"));
        Path broken = Files.createTempFile("tokens", ".json");
        Files.writeString(broken, "{\"tokens\": [{\"name\": \"x\"}]}");
        assertEquals(2, Main.run("serve", "--tokens", broken.toString(), "--port", "0"));
    }

    @Test
    void aShortCursorSecretIsRefused() throws Exception {
        Path secret = Files.createTempFile("secret", ".bin");
        Files.writeString(secret, "short");
        assertEquals(2, Main.run("serve", "--cursor-secret-file", secret.toString(), "--port", "0"));
    }
}
