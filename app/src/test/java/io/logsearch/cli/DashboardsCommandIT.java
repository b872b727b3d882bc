package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logsearch dashboards export|import} run from the packaged jar, importing into a loopback stand-in for
 * Kibana's {@code _import} (a real Kibana cannot run on the build machine).
 */
class DashboardsCommandIT {

    private static final Path JAR = Path.of("target/logsearch.jar");

    @TempDir
    Path dir;

    /** What the command printed and how it ended. */
    record Run(int exit, String stdout, String stderr) {
    }

    @Test
    void exportPrintsTheCommittedFile() throws Exception {
        Run run = run(Map.of(), "dashboards", "export");
        assertEquals(0, run.exit(), run.stderr());
        assertEquals(Files.readString(Path.of("../dashboards/logsearch.ndjson")), run.stdout());
    }

    @Test
    void importSendsTheObjectsForTheBaseWithCredentialsAndSucceeds() throws Exception {
        List<String> seen = new ArrayList<>();
        HttpServer kibana = kibana(200, "{\"success\":true,\"successCount\":15,\"successResults\":[]}", seen);
        try {
            Run run = run(Map.of("KIBANA_USERNAME", "elastic", "KIBANA_PASSWORD", "pw"), "dashboards", "import",
                    "--kibana", url(kibana), "--space", "ops", "--index", "audit-eu");
            assertEquals(0, run.exit(), run.stderr());
            assertTrue(run.stdout().startsWith("Imported 15 saved objects into " + url(kibana) + "/s/ops/api/saved_objects/_import"),
                    run.stdout());
            assertEquals("/s/ops/api/saved_objects/_import?overwrite=true", seen.get(0));
            assertEquals("Basic " + Base64.getEncoder().encodeToString("elastic:pw".getBytes(StandardCharsets.UTF_8)), seen.get(1));
            assertTrue(seen.get(2).contains("\"id\":\"audit-eu\"") && seen.get(2).contains("\"title\":\"audit-eu-*,-audit-eu-access-*\""),
                    "--index rewrites the data view");
        } finally {
            kibana.stop(0);
        }
    }

    @Test
    void importFailsWithExit1AndEachObjectsErrorWhenKibanaRefusesObjectsWithHttp200() throws Exception {
        String answer = "{\"success\":false,\"successCount\":14,\"errors\":[{\"id\":\"logsearch-overview\",\"type\":\"dashboard\","
                + "\"meta\":{\"title\":\"logsearch — overview\"},\"error\":{\"type\":\"unsupported_type\"}}]}";
        HttpServer kibana = kibana(200, answer, new ArrayList<>());
        try {
            Run run = run(Map.of(), "dashboards", "import", "--kibana", url(kibana));
            assertEquals(1, run.exit());
            assertTrue(run.stderr().contains("imported 14 objects and refused 1:"), run.stderr());
            assertTrue(run.stderr().contains("  dashboard logsearch-overview \"logsearch — overview\": unsupported_type"), run.stderr());
        } finally {
            kibana.stop(0);
        }
    }

    @Test
    void importFailsWithExit1On401AndUsageErrorsExit2() throws Exception {
        HttpServer kibana = kibana(401, "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"Unauthorized\"}", new ArrayList<>());
        try {
            Run run = run(Map.of(), "dashboards", "import", "--kibana", url(kibana));
            assertEquals(1, run.exit());
            assertTrue(run.stderr().contains("answered HTTP 401: Unauthorized; set KIBANA_USERNAME/KIBANA_PASSWORD or KIBANA_API_KEY"),
                    run.stderr());
        } finally {
            kibana.stop(0);
        }
        assertEquals(2, run(Map.of(), "dashboards", "import", "--kibana", "ftp://x").exit());
        assertEquals(2, run(Map.of(), "dashboards", "import").exit(), "--kibana is required");
        Run half = run(Map.of("KIBANA_PASSWORD", "pw"), "dashboards", "import", "--kibana", "http://127.0.0.1:1");
        assertEquals(2, half.exit());
        assertTrue(half.stderr().contains("KIBANA_USERNAME is not set"), half.stderr());
    }

    private Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("KIBANA_") || name.equals("LOGSEARCH_INDEX"));
        builder.environment().putAll(env);
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command ends");
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Records the path and query, the Authorization header and the body; answers {@code status} with {@code answer}. */
    private static HttpServer kibana(int status, String answer, List<String> seen) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI().toString());
            seen.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            seen.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(bytes);
            }
        });
        server.start();
        return server;
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
