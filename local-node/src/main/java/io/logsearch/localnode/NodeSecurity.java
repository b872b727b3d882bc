package io.logsearch.localnode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A local node with security on, as a production cluster runs: HTTPS with a CA and a node
 * certificate for {@code localhost} and {@code 127.0.0.1} made by the distribution's own
 * {@code elasticsearch-certutil} (PEM, under {@code config/certs/}), and the {@code elastic}
 * user's password set as the keystore's {@code bootstrap.password}. Both are made once, on the
 * node directory's first start.
 */
final class NodeSecurity {

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(120);

    private final String elasticPassword;
    private volatile HttpClient client;

    NodeSecurity(String elasticPassword) {
        if (elasticPassword.length() < 6) {
            throw new IllegalArgumentException("the elastic user's password must be at least 6 characters, as Elasticsearch requires of user passwords");
        }
        this.elasticPassword = elasticPassword;
    }

    static Path caCertificate(NodeDirectory directory) {
        return certificates(directory).resolve("ca").resolve("ca.crt");
    }

    /** The settings that turn security and HTTPS on, the certificate paths relative to the config directory. */
    Map<String, String> settings() {
        return Map.of(
                "xpack.security.enabled", "true",
                "xpack.security.http.ssl.enabled", "true",
                "xpack.security.http.ssl.certificate", "certs/node/node.crt",
                "xpack.security.http.ssl.key", "certs/node/node.key",
                "xpack.security.http.ssl.certificate_authorities", "certs/ca/ca.crt",
                "xpack.security.transport.ssl.enabled", "false");
    }

    /** Makes the certificates and the keystore when the config directory lacks them; before the node user is given it. */
    void prepare(Distribution distribution, NodeDirectory directory) throws IOException {
        Path certificates = certificates(directory);
        if (!Files.isRegularFile(caCertificate(directory))) {
            Path scratch = Files.createTempDirectory("logsearch-certutil-");
            try {
                Path ca = scratch.resolve("ca.zip");
                tool(distribution, directory, "elasticsearch-certutil", List.of("ca", "--pem", "--silent", "--days", "3650", "--out", ca.toString()), "");
                unzip(ca, certificates);
                Path node = scratch.resolve("node.zip");
                tool(distribution, directory, "elasticsearch-certutil", List.of("cert", "--pem", "--silent", "--days", "3650",
                        "--ca-cert", caCertificate(directory).toString(), "--ca-key", certificates.resolve("ca/ca.key").toString(),
                        "--name", "node", "--dns", "localhost", "--ip", "127.0.0.1", "--out", node.toString()), "");
                unzip(node, certificates);
            } finally {
                Distribution.deleteTree(scratch);
            }
        }
        if (!Files.isRegularFile(directory.config().resolve("elasticsearch.keystore"))) {
            tool(distribution, directory, "elasticsearch-keystore", List.of("create"), "");
            tool(distribution, directory, "elasticsearch-keystore", List.of("add", "--stdin", "bootstrap.password"), elasticPassword);
        }
    }

    /** An HTTP client that trusts the node's CA, made once the CA exists. */
    HttpClient client(NodeDirectory directory) {
        if (client == null) {
            client = trusting(caCertificate(directory));
        }
        return client;
    }

    private static HttpClient trusting(Path caCertificate) {
        try (InputStream in = Files.newInputStream(caCertificate)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).sslContext(context).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new LocalNodeException("cannot trust the node's CA certificate " + caCertificate + ": " + e.getMessage(), e);
        }
    }

    HttpRequest.Builder authenticate(HttpRequest.Builder request) {
        String credentials = "elastic:" + elasticPassword;
        return request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private static Path certificates(NodeDirectory directory) {
        return directory.config().resolve("certs");
    }

    private static void tool(Distribution distribution, NodeDirectory directory, String name, List<String> args, String input) throws IOException {
        List<String> command = new ArrayList<>(List.of(distribution.launcher().resolveSibling(name).toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ES_JAVA_HOME", LocalNode.javaHome());
        builder.environment().put("ES_PATH_CONF", directory.config().toString());
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write((input + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LocalNodeException(name + " did not finish within " + TOOL_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LocalNodeException("interrupted while " + name + " ran", e);
        }
        if (process.exitValue() != 0) {
            throw new LocalNodeException(name + " " + args.get(0) + " failed (exit " + process.exitValue() + "):\n" + output.strip());
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException(zip + " holds an entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
    }
}
