package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logsearch.testsupport.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} refuses unsafe or broken set-ups before it starts anything. */
class ServeCommandTest {

    private static final String TOKENS = "{\"tokens\": [{\"name\": \"ops\", \"sha256\": \""
            + "0".repeat(64) + "\", \"organizations\": [\"*\"], \"scopes\": [\"search\"]}]}";

    @TempDir
    static Path dir;
    static TestCertificates certificates;
    static Path tokens;

    @BeforeAll
    static void files() throws Exception {
        certificates = TestCertificates.create(dir.resolve("tls"), "RSA");
        tokens = Files.writeString(TestCertificates.ownerOnly(dir.resolve("tokens.json")), TOKENS);
    }

    /** The exit status and what went to standard error. */
    private record Run(int exit, String err) {
    }

    private static synchronized Run run(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            return new Run(Main.run(args), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    private static void assertUsageError(String message, String... args) {
        Run run = run(args);
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains(message), run.err());
    }

    private static Path readableByAll(String name, String content) throws Exception {
        Path file = Files.writeString(dir.resolve(name), content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    @Test
    void aNonLoopbackBindNeedsTokens() {
        assertEquals(2, Main.run("serve", "--bind", "0.0.0.0", "--port", "0"));
    }

    @Test
    void aNonLoopbackBindNeedsTlsOrAnExplicitInsecureHttp() {
        assertUsageError("logsearch serve: --bind 0.0.0.0 would send bearer tokens across the network in the clear;"
                + " give --tls-cert FILE --tls-key FILE, or --insecure-http", "serve", "--bind", "0.0.0.0", "--port", "0", "--tokens", tokens.toString());
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

    @Test
    void secretFilesOthersMayReadAreRefusedNamingTheFileAndTheFix() throws Exception {
        Path openTokens = readableByAll("open-tokens.json", TOKENS);
        assertUsageError("logsearch serve: --tokens: tokens file " + openTokens + " holds secrets but other users may read it (mode rw-r--r--):"
                + " make it readable by its owner only (chmod 600 " + openTokens + ")", "serve", "--port", "0", "--tokens", openTokens.toString());
        Path openSecret = readableByAll("open-secret", "0123456789abcdef0123456789abcdef");
        assertUsageError("logsearch serve: --cursor-secret-file " + openSecret + " holds secrets but other users may read it (mode rw-r--r--):"
                + " make it readable by its owner only (chmod 600 " + openSecret + ")", "serve", "--port", "0", "--cursor-secret-file", openSecret.toString());
        Path openKey = readableByAll("open-key.pem", Files.readString(certificates.privateKey()));
        assertUsageError("logsearch serve: --tls-key " + openKey + " holds secrets but other users may read it (mode rw-r--r--):"
                        + " make it readable by its owner only (chmod 600 " + openKey + ")",
                "serve", "--port", "0", "--tls-cert", certificates.certificateChain().toString(), "--tls-key", openKey.toString());
    }

    @Test
    void tlsFilesThatCannotServeAreUsageErrors() throws Exception {
        assertUsageError("logsearch serve: --tls-cert and --tls-key go together", "serve", "--port", "0",
                "--tls-cert", certificates.certificateChain().toString());
        assertUsageError("logsearch serve: --tls-cert and --tls-key go together", "serve", "--port", "0",
                "--tls-key", certificates.privateKey().toString());
        assertUsageError("logsearch serve: TLS certificate file /nonexistent/chain.pem does not exist", "serve", "--port", "0",
                "--tls-cert", "/nonexistent/chain.pem", "--tls-key", certificates.privateKey().toString());
        TestCertificates other = TestCertificates.create(dir.resolve("other"), "EC");
        assertUsageError("logsearch serve: TLS key file " + other.privateKey() + " does not hold the private key of the first certificate in "
                        + certificates.certificateChain(),
                "serve", "--port", "0", "--tls-cert", certificates.certificateChain().toString(), "--tls-key", other.privateKey().toString());
    }
}
