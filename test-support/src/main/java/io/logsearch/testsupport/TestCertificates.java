package io.logsearch.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away test CA and a server certificate it signed for {@code localhost} and
 * {@code 127.0.0.1}, made with the JDK's {@code keytool} in a directory of the test's, as PEM:
 * the CA certificate, the server's chain (server first) and its private key (mode 600) as PKCS#8,
 * and on request as PKCS#1 (RSA) or SEC 1 (EC, curve P-256).
 */
public record TestCertificates(Path caCertificate, Path certificateChain, Path privateKey, String keyAlgorithm) {

    private static final String PASSWORD = "test-only";

    /** @param keyAlgorithm {@code RSA} or {@code EC} for the server's key */
    public static TestCertificates create(Path dir, String keyAlgorithm) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path caStore = dir.resolve("ca.p12");
        Path serverStore = dir.resolve("server.p12");
        Path request = dir.resolve("server.csr");
        Path serverCertificate = dir.resolve("server.crt");
        Path ca = dir.resolve("ca.crt");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=logsearch test CA",
                "-ext", "bc:c", "-validity", "2", "-keystore", caStore.toString());
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", caStore.toString(), "-file", ca.toString());
        keytool("-genkeypair", "-alias", "server", "-keyalg", keyAlgorithm, keyAlgorithm.equals("EC") ? "-groupname" : "-keysize",
                keyAlgorithm.equals("EC") ? "secp256r1" : "2048", "-dname", "CN=localhost", "-validity", "2", "-keystore", serverStore.toString());
        keytool("-certreq", "-alias", "server", "-keystore", serverStore.toString(), "-file", request.toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", caStore.toString(), "-infile", request.toString(),
                "-outfile", serverCertificate.toString(), "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "2");
        Path chain = dir.resolve("server-chain.pem");
        Files.writeString(chain, Files.readString(serverCertificate) + Files.readString(ca));
        Path key = ownerOnly(dir.resolve("server-key.pem"));
        Files.writeString(key, pem("PRIVATE KEY", privateKey(serverStore).getEncoded()));
        return new TestCertificates(ca, chain, key, keyAlgorithm);
    }

    /** The key in its algorithm's own format: {@code RSA PRIVATE KEY} (PKCS#1) or {@code EC PRIVATE KEY} (SEC 1). */
    public Path traditionalKey() throws IOException {
        byte[] pkcs8 = Base64.getMimeDecoder().decode(Files.readString(privateKey).replaceAll("-----[A-Z ]+-----", ""));
        byte[] inner = lastElementContent(pkcs8);
        Path out = ownerOnly(privateKey.resolveSibling("server-key-traditional.pem"));
        if (keyAlgorithm.equals("RSA")) {
            Files.writeString(out, pem("RSA PRIVATE KEY", inner));
        } else {
            // the JDK leaves the curve out of the inner ECPrivateKey; SEC 1 files name it: [0] prime256v1
            byte[] curve = {(byte) 0xa0, 0x0a, 0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07};
            byte[] content = Arrays.copyOfRange(inner, 2, inner.length);
            byte[] sec1 = new byte[2 + content.length + curve.length];
            sec1[0] = 0x30;
            sec1[1] = (byte) (content.length + curve.length);
            System.arraycopy(content, 0, sec1, 2, content.length);
            System.arraycopy(curve, 0, sec1, 2 + content.length, curve.length);
            Files.writeString(out, pem("EC PRIVATE KEY", sec1));
        }
        return out;
    }

    /** A client's TLS context that trusts the test CA alone. */
    public SSLContext trustingCa() throws IOException {
        return trusting(caCertificate);
    }

    /** A client's TLS context that trusts the CA certificate in the PEM file {@code caCertificate} alone. */
    public static SSLContext trusting(Path caCertificate) throws IOException {
        try (InputStream in = Files.newInputStream(caCertificate)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot trust " + caCertificate, e);
        }
    }

    /** A file of mode 600, created empty. */
    public static Path ownerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }

    private static PrivateKey privateKey(Path store) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, PASSWORD.toCharArray());
            return (PrivateKey) keyStore.getKey("server", PASSWORD.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the key keytool made in " + store, e);
        }
    }

    /** PKCS#8 ends with the OCTET STRING holding the algorithm's own key: its content. */
    private static byte[] lastElementContent(byte[] der) {
        int at = headerEnd(der, 0);
        int last = at;
        while (at < der.length) {
            last = at;
            at = headerEnd(der, at) + length(der, at);
        }
        return Arrays.copyOfRange(der, headerEnd(der, last), headerEnd(der, last) + length(der, last));
    }

    private static int headerEnd(byte[] der, int at) {
        int first = der[at + 1] & 0xff;
        return at + 2 + (first > 0x80 ? first - 0x80 : 0);
    }

    private static int length(byte[] der, int at) {
        int first = der[at + 1] & 0xff;
        if (first <= 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < first - 0x80; i++) {
            length = (length << 8) | (der[at + 2 + i] & 0xff);
        }
        return length;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-noprompt"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool " + String.join(" ", args) + " failed:\n" + output);
        }
    }
}
