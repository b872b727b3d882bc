package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.integrity.SigningKeys;
import io.logsearch.testsupport.Ports;
import io.logsearch.testsupport.RealCluster;
import io.logsearch.testsupport.TestCluster;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same binaries on the local 3-node cluster: concurrent writers creating partitions, a data
 * node killed with SIGKILL mid-load and mid-search, two stateless API instances sharing a cursor
 * secret, and prune, seal and verify. The tests run in order on one index base; the figures
 * (time to green, failed requests, bytes per event) are printed as "cluster figure:" lines.
 */
@Tag("extended")
@ExtendWith(RealCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant UNTIL = Instant.parse("2026-03-01T00:00:00Z");
    private static final int PER_LOAD = 3_000;
    private static final int PER_INGEST = 500;
    private static final int KILLED_LOAD = 15_000;
    private static final int BARE = 2_000;
    /** Few partitions: each costs the master a cluster-state update and every copy a recovery, slow on a shared 2-core machine. */
    private static final int DAYS = 3;

    @TempDir
    static Path dir;

    private TestCluster cluster;
    private Path secret;
    private final List<Process> servers = new ArrayList<>();
    private final Map<String, Path> serverLogs = new HashMap<>();
    private String api1;
    private String api2;
    private long loaded;
    private int killed = -1;

    @BeforeAll
    void startTwoApiInstances(TestCluster cluster) throws Exception {
        this.cluster = cluster;
        secret = secretFile("cursor.secret", "a shared cursor secret of the API instances");
        api1 = serve(secret);
        api2 = serve(secret);
    }

    @AfterAll
    void stopApiInstances() throws InterruptedException {
        for (Process server : servers) {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(1)
    void concurrentLoadsAndIngestsCreateTheSamePartitionsWithoutErrorsAndWithOneReplica() throws Exception {
        List<Process> loads = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path export = generate("load-" + i, PER_LOAD, 100 + i, UNTIL);
            Path output = dir.resolve("load-" + i + ".txt");
            outputs.add(output);
            loads.add(Launcher.start(env(), output, "load", "--source", "thousandeyes", "--index", cluster.indexBase(), export.toString()));
        }
        List<HttpResponse<String>> ingests = new ArrayList<>();
        int i = 0;
        for (String api : List.of(api1, api2)) {
            Path export = generate("ingest-" + i, PER_INGEST, 200 + i++, UNTIL);
            HttpRequest ingest = HttpRequest.newBuilder(URI.create(api + "/v1/ingest/thousandeyes"))
                    .timeout(Duration.ofMinutes(3))
                    .POST(HttpRequest.BodyPublishers.ofFile(export)).build();
            long sent = System.nanoTime();
            HttpResponse<String> response = HTTP.send(ingest, HttpResponse.BodyHandlers.ofString());
            // partition creation on a fresh cluster is no back-pressure: the ingest must not be answered 503
            assertEquals(200, response.statusCode(), response.body() + "\nserve's log:\n" + Files.readString(serverLogs.get(api)));
            System.err.printf("cluster figure: an ingest of %d events, while three loads create the same partitions, answered 200 after %.1f s%n",
                    PER_INGEST, (System.nanoTime() - sent) / 1e9);
            ingests.add(response);
        }
        for (int l = 0; l < loads.size(); l++) {
            assertTrue(loads.get(l).waitFor(5, TimeUnit.MINUTES), "load " + l + " finished");
            String text = Files.readString(outputs.get(l));
            assertEquals(0, loads.get(l).exitValue(), text);
            // a bulk request that timed out on a busy cluster and was sent again finds its own events: duplicates
            Matcher summary = Pattern.compile("^read=(\\d+) indexed=(\\d+) duplicates=(\\d+) rejected=0 ", Pattern.MULTILINE).matcher(text);
            assertTrue(summary.find(), text);
            assertEquals(PER_LOAD, Long.parseLong(summary.group(2)) + Long.parseLong(summary.group(3)), text);
        }
        for (HttpResponse<String> ingest : ingests) {
            JsonNode counts = JSON.readTree(ingest.body());
            assertEquals(PER_INGEST, counts.path("indexed").asInt() + counts.path("duplicates").asInt(), ingest.body());
            assertEquals(0, counts.path("rejected").asInt(), ingest.body());
        }
        loaded = 3L * PER_LOAD + 2L * PER_INGEST;
        assertEquals(loaded, count(cluster.indexBase()));
        assertEquals(loaded, distinctIds(cluster.indexBase()));

        JsonNode settings = JSON.readTree(get(es() + "/" + partitions(cluster.indexBase()) + "/_settings/index.number_of_replicas").body());
        assertTrue(settings.size() >= DAYS, "one partition per day: " + settings);
        settings.forEach(index -> assertEquals("1", index.at("/settings/index/number_of_replicas").asText(), settings.toString()));
        assertEquals("green", health());

        String stats = get(es() + "/_cat/indices/" + partitions(cluster.indexBase()) + "?h=docs.count,pri.store.size,store.size&bytes=b").body();
        long docs = 0;
        long primaryBytes = 0;
        long bytes = 0;
        for (String line : stats.strip().split("\n")) {
            String[] columns = line.strip().split("\\s+");
            docs += Long.parseLong(columns[0]);
            primaryBytes += Long.parseLong(columns[1]);
            bytes += Long.parseLong(columns[2]);
        }
        System.err.printf("cluster figure: %d events, %d partitions, primary store %d bytes (%d bytes/event), with replicas %d bytes%n",
                docs, settings.size(), primaryBytes, primaryBytes / docs, bytes);
    }

    @Test
    @Order(2)
    void aDataNodeKilledMidLoadLosesNothingAndSearchesKeepAnsweringMeanwhile() throws Exception {
        String killedBase = cluster.indexBase() + "-killed";
        Path export = generate("killed", KILLED_LOAD, 300, UNTIL.minus(Duration.ofDays(10)));
        String cursorBefore = next(JSON.readTree(ok(api1 + "/v1/events?size=1000").body()));
        assertTrue(!cursorBefore.isEmpty(), "a first page with a next link");

        Path firstOutput = dir.resolve("killed-load-1.txt");
        Process load = Launcher.start(env(), firstOutput, "load", "--source", "thousandeyes", "--index", killedBase, export.toString());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (countOrZero(killedBase) < 3_000) {
            assertTrue(load.isAlive(), "the load ended before a node could be killed:\n" + Files.readString(firstOutput));
            assertTrue(Instant.now().isBefore(deadline), "the load made no progress");
            Thread.sleep(200);
        }
        // A replica still in its first recovery is not a copy Elasticsearch can promote: killing the primary's node then
        // leaves the partition red until the node is back. The loss this test is about is of a node whose partitions have replicas.
        JsonNode replicated = JSON.readTree(get(es() + "/_cluster/health/" + partitions(killedBase) + "?wait_for_status=green&timeout=60s").body());
        assertEquals("green", replicated.path("status").asText(), "the partitions' replicas started: " + replicated);
        int victim = nonMasterNode();
        killed = victim;
        long pid = cluster.kill(victim);
        Instant lostAt = Instant.now();
        System.err.println("cluster figure: SIGKILLed node " + victim + " (pid " + pid + ") after " + countOrZero(killedBase) + " events");

        Searches searches = new Searches();
        Thread searcher = new Thread(searches, "searches-during-node-loss");
        searcher.start();

        assertTrue(load.waitFor(5, TimeUnit.MINUTES), "the load finished or failed with the node down");
        String first = Files.readString(firstOutput);
        System.err.println("cluster figure: the load during the node loss exited " + load.exitValue() + ": " + lastLine(first));
        if (load.exitValue() != 0) {
            assertEquals(1, load.exitValue(), first);
            Path secondOutput = dir.resolve("killed-load-2.txt");
            Process rerun = Launcher.start(env(), secondOutput, "load", "--source", "thousandeyes", "--index", killedBase, export.toString());
            assertTrue(rerun.waitFor(5, TimeUnit.MINUTES), "the re-run finished");
            assertEquals(0, rerun.exitValue(), Files.readString(secondOutput) + "\nshards meanwhile:\n" + shards(killedBase));
        }

        Set<String> walked = walk(api2, cursorBefore, new HashSet<>());
        assertEquals(loaded - 1000, walked.size(), "the cursor taken before the loss walks the rest, each event once");

        searches.stop();
        searcher.join(TimeUnit.MINUTES.toMillis(2));
        assertEquals(0, searches.failures.get(), searches.requests.get() + " requests, first failure: " + searches.firstFailure.get());
        assertTrue(searches.requests.get() > 0, "searches ran during the loss");
        System.err.printf("cluster figure: %d search/page/histogram/export requests during the node loss (%.0f s), %d failed%n",
                searches.requests.get(), Duration.between(lostAt, Instant.now()).toMillis() / 1000.0, searches.failures.get());

        Duration toGreen = cluster.restart();
        killed = -1;
        System.err.printf("cluster figure: node %d back, cluster green after %.1f s (node start included)%n", victim, toGreen.toMillis() / 1000.0);
        assertEquals("green", health());
        assertEquals(KILLED_LOAD, count(killedBase), "every event once");
        assertEquals(KILLED_LOAD, distinctIds(killedBase), "every event once");
    }

    /**
     * Without replicas a node's loss leaves its partitions' only copies unsearchable: the API must
     * refuse (503, as for any Elasticsearch that cannot answer) rather than answer from the
     * partitions still there, while the base with a replica answers in full from the copies.
     */
    @Test
    @Order(3)
    void withoutReplicasANodeLossIsRefusedWith503NotPartialResultsWhileABaseWithAReplicaAnswersInFull() throws Exception {
        String bare = cluster.indexBase() + "-bare";
        run(0, "load", "--source", "thousandeyes", "--index", bare, "--replicas", "0", generate("bare", BARE, 400, UNTIL).toString());
        String bareApi = serve(secret, bare);
        assertEquals(BARE, total(ok(bareApi + "/v1/events?size=1")), "every event before the loss");

        Map<Integer, Integer> primaries = primariesByNode(bare);
        assertTrue(primaries.size() > 1, "the partitions' primaries are spread over several nodes, so a partial answer was possible: " + primaries);
        int master = masterNode();
        int victim = primaries.keySet().stream().filter(node -> node != master).findFirst().orElseThrow();
        killed = victim;
        cluster.kill(victim);
        System.err.println("cluster figure: SIGKILLed node " + victim + ", holding " + primaries.get(victim) + " of the "
                + primaries.values().stream().mapToInt(Integer::intValue).sum() + " primaries of a base without replicas");

        for (String path : List.of("/v1/events?size=100", "/v1/events/histogram", "/v1/events/top?field=userId")) {
            HttpResponse<String> refused = get(bareApi + path);
            assertEquals(503, refused.statusCode(), path + " answered: " + abbreviate(refused.body()));
            assertTrue(refused.headers().firstValue("Retry-After").isPresent(), path + ": a 503 says when to try again");
            assertTrue(!refused.body().contains("\"events\""), path + ": no events in a refusal: " + abbreviate(refused.body()));
        }
        JsonNode replicated = JSON.readTree(ok(api1 + "/v1/events?size=100").body());
        assertEquals(100, replicated.path("events").size(), "the base with a replica answers meanwhile");
        assertEquals(Math.min(loaded, 10_000), total(replicated), replicated.path("total").toString());

        Duration toGreen = cluster.restart();
        killed = -1;
        System.err.printf("cluster figure: node %d back, cluster green after %.1f s (node start included)%n", victim, toGreen.toMillis() / 1000.0);
        assertEquals(BARE, total(ok(bareApi + "/v1/events?size=1")), "every event again once the node is back");
    }

    @Test
    @Order(4)
    void aWalkAlternatingBetweenTwoInstancesReturnsEveryEventOnceAndAnotherSecretsCursorIsRefused() throws Exception {
        Set<String> ids = new HashSet<>();
        String next = "/v1/events?size=700";
        int pages = 0;
        while (!next.isEmpty()) {
            String api = pages++ % 2 == 0 ? api1 : api2;
            JsonNode page = JSON.readTree(ok(api + next).body());
            for (JsonNode event : page.path("events")) {
                assertTrue(ids.add(event.at("/event/id").asText()), "seen twice: " + event.at("/event/id").asText());
            }
            next = next(page);
        }
        assertEquals(loaded, ids.size());

        String cursor = next(JSON.readTree(ok(api1 + "/v1/events?size=10").body()));
        String other = serve(secretFile("other.secret", "another secret, of another deployment"));
        HttpResponse<String> refused = get(other + cursor);
        assertEquals(400, refused.statusCode(), refused.body());
    }

    @Test
    @Order(5)
    void sealVerifyAndPruneWorkOnTheCluster() throws Exception {
        SigningKeys.write(SigningKeys.generate(), dir.resolve("keys"));
        String digests = dir.resolve("digests").toString();
        String sealed = run(0, "seal", "--index=" + cluster.indexBase(), "--digest-dir", digests, "--keys", dir.resolve("keys").toString());
        assertTrue(sealed.contains(" refused=0"), sealed);
        String verified = run(0, "verify", "--index=" + cluster.indexBase(), "--digest-dir", digests,
                "--public-key", dir.resolve("keys").resolve(SigningKeys.PUBLIC_KEY_FILE).toString());
        assertTrue(verified.endsWith("intact\n"), verified);

        String pruned = run(0, "prune", "--older-than", "30d", "--index=" + cluster.indexBase() + "-killed", "--yes");
        assertTrue(pruned.contains("Deleted "), pruned);
        assertEquals(0, countOrZero(cluster.indexBase() + "-killed"));
        assertEquals(loaded, count(cluster.indexBase()), "another base's partitions are kept");
    }

    /** Runs the searches a dashboard would, alternating between the instances, until stopped; counts what fails. */
    private final class Searches implements Runnable {
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicReference<String> firstFailure = new AtomicReference<>("none");
        private volatile boolean running = true;

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            int round = 0;
            while (running) {
                String api = round++ % 2 == 0 ? api1 : api2;
                check(api + "/v1/events?size=100", body -> JSON.readTree(body).path("events").size() == 100);
                check(api + "/v1/events/histogram", body -> JSON.readTree(body).path("buckets").size() > 0);
                check(api + "/v1/events/top?field=userId", body -> JSON.readTree(body).path("buckets").size() > 0);
                if (round % 5 == 1) {
                    check(api + "/v1/events/export?format=ndjson", body -> body.lines().count() == loaded);
                }
            }
        }

        private void check(String url, Check check) {
            requests.incrementAndGet();
            try {
                HttpResponse<String> response = get(url);
                if (response.statusCode() != 200 || !check.holds(response.body())) {
                    fail(url + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
                }
            } catch (IOException e) {
                fail(url + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }

        private void fail(String why) {
            failures.incrementAndGet();
            firstFailure.compareAndSet("none", why);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds(String body) throws IOException;
    }

    private Set<String> walk(String api, String next, Set<String> ids) throws Exception {
        while (!next.isEmpty()) {
            JsonNode page = JSON.readTree(ok(api + next).body());
            for (JsonNode event : page.path("events")) {
                assertTrue(ids.add(event.at("/event/id").asText()), "seen twice: " + event.at("/event/id").asText());
            }
            next = next(page);
        }
        return ids;
    }

    /** The path and query of a page's next link (absolute, naming the instance that answered), or "" on the last page. */
    private static String next(JsonNode page) {
        String href = page.at("/_links/next/href").asText();
        if (href.isEmpty()) {
            return "";
        }
        URI uri = URI.create(href);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private Map<String, String> env() {
        return Map.of("ES_URL", cluster.urls());
    }

    private String serve(Path cursorSecret) throws Exception {
        return serve(cursorSecret, cluster.indexBase());
    }

    private String serve(Path cursorSecret, String base) throws Exception {
        int port = Ports.free();
        Path output = dir.resolve("serve-" + port + ".txt");
        Process server = Launcher.start(env(), output, "serve", "--port", Integer.toString(port), "--index", base,
                "--cursor-secret-file", cursorSecret.toString());
        servers.add(server);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!Ports.listening(port)) {
            assertTrue(server.isAlive() && Instant.now().isBefore(deadline), "serve did not start:\n" + Files.readString(output));
            Thread.sleep(200);
        }
        String url = "http://127.0.0.1:" + port;
        serverLogs.put(url, output);
        return url;
    }

    /** A cursor secret file as serve takes it: readable by its owner only. */
    private static Path secretFile(String name, String secret) throws IOException {
        Path file = Files.writeString(dir.resolve(name), secret);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private String run(int expectedExit, String... args) throws Exception {
        Path output = dir.resolve("run-" + System.nanoTime() + ".txt");
        Process process = Launcher.start(env(), output, args);
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "finished: " + String.join(" ", args));
        String text = Files.readString(output);
        assertEquals(expectedExit, process.exitValue(), text);
        return text;
    }

    private Path generate(String name, long events, long seed, Instant until) throws IOException {
        Path file = dir.resolve(name + ".json");
        try (OutputStream out = Files.newOutputStream(file)) {
            ExportGenerator.forSource("thousandeyes").write(new GeneratorSpec(events, DAYS, seed, until), out);
        }
        return file;
    }

    /** The lowest-numbered node that is not the elected master: losing it costs no election. */
    private int nonMasterNode() throws Exception {
        return masterNode() == 0 ? 1 : 0;
    }

    private int masterNode() throws Exception {
        return nodeNumber(get(es() + "/_cat/master?h=node").body().strip());
    }

    /** Nodes are named {@code <cluster>-<i>}. */
    private static int nodeNumber(String name) {
        return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
    }

    /** How many primaries of {@code base}'s partitions each node holds. */
    private Map<Integer, Integer> primariesByNode(String base) throws Exception {
        Map<Integer, Integer> primaries = new TreeMap<>();
        for (String line : ok(es() + "/_cat/shards/" + partitions(base) + "?h=prirep,state,node").body().strip().split("\n")) {
            String[] columns = line.strip().split("\\s+");
            assertEquals(List.of("p", "STARTED"), List.of(columns[0], columns[1]), "without replicas, every shard a started primary: " + line);
            primaries.merge(nodeNumber(columns[2]), 1, Integer::sum);
        }
        return primaries;
    }

    /** Where each copy of {@code base}'s partitions is, and in what state: what a failed write during a node loss is read against. */
    private String shards(String base) throws Exception {
        return get(es() + "/_cat/shards/" + partitions(base) + "?v&h=index,shard,prirep,state,node,unassigned.reason").body();
    }

    /** The hits a page counts ({@code total.value}: exact up to 10,000). */
    private static long total(HttpResponse<String> page) throws IOException {
        return total(JSON.readTree(page.body()));
    }

    private static long total(JsonNode page) {
        return page.at("/total/value").asLong();
    }

    /** A node that is up: the last one, unless it was killed. */
    private String es() {
        return cluster.url(killed == cluster.size() - 1 ? 0 : cluster.size() - 1);
    }

    private String health() throws Exception {
        return JSON.readTree(get(es() + "/_cluster/health?wait_for_status=green&timeout=60s").body()).path("status").asText();
    }

    /**
     * The event partitions of {@code base}, named by their dates: not the access log the API
     * instances write next to them ({@code base-access-*}), the digests, or the partitions of {@code base-killed}.
     */
    private static String partitions(String base) {
        return base + "-20*";
    }

    private long count(String base) throws Exception {
        get(es() + "/" + partitions(base) + "/_refresh", "POST");
        return JSON.readTree(ok(es() + "/" + partitions(base) + "/_count").body()).path("count").asLong();
    }

    private long countOrZero(String base) throws Exception {
        HttpResponse<String> response = get(es() + "/" + partitions(base) + "/_count?allow_no_indices=true");
        return response.statusCode() == 200 ? JSON.readTree(response.body()).path("count").asLong() : 0;
    }

    /** Distinct event ids, counted exactly: a composite aggregation paged through every id. */
    private long distinctIds(String base) throws Exception {
        long distinct = 0;
        String after = "";
        while (true) {
            String query = "{\"size\":0,\"aggs\":{\"ids\":{\"composite\":{\"size\":10000," + after
                    + "\"sources\":[{\"id\":{\"terms\":{\"field\":\"event.id\"}}}]}}}}";
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(es() + "/" + partitions(base) + "/_search"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(query)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode ids = JSON.readTree(response.body()).at("/aggregations/ids");
            distinct += ids.path("buckets").size();
            if (ids.path("buckets").size() < 10000 || ids.path("after_key").isMissingNode()) {
                return distinct;
            }
            after = "\"after\":" + JSON.writeValueAsString(ids.path("after_key")) + ",";
        }
    }

    private static HttpResponse<String> ok(String url) throws Exception {
        HttpResponse<String> response = get(url);
        assertEquals(200, response.statusCode(), url + ": " + abbreviate(response.body()));
        return response;
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return get(url, "GET");
    }

    private static HttpResponse<String> get(String url, String method) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(3))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
