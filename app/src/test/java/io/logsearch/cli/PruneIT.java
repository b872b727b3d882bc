package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code prune} lists what it would delete and, off a terminal, deletes only with {@code --yes}. */
@ExtendWith(RealElasticsearch.class)
class PruneIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static int status(String method, String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String prune(TestElasticsearch es, int expectedExit, String... extra) throws Exception {
        Path output = dir.resolve("prune-" + System.nanoTime() + ".txt");
        String[] args = new String[4 + extra.length];
        args[0] = "prune";
        args[1] = "--older-than";
        args[2] = "30d";
        args[3] = "--index=" + es.indexBase();
        System.arraycopy(extra, 0, args, 4, extra.length);
        Process process = Launcher.start(Map.of("ES_URL", es.url()), output, args);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "prune finished");
        String text = Files.readString(output);
        assertEquals(expectedExit, process.exitValue(), text);
        return text;
    }

    @Test
    void withoutATerminalNothingIsDeletedUntilYesIsGiven(TestElasticsearch es) throws Exception {
        String first = es.url() + "/" + es.indexBase() + "-2020.01.01";
        String second = es.url() + "/" + es.indexBase() + "-2020.01.02";
        assertEquals(200, status("PUT", first));
        assertEquals(200, status("PUT", second));

        String refused = prune(es, 2);
        assertTrue(refused.contains("to delete: " + es.indexBase() + "-2020.01.01\nto delete: " + es.indexBase() + "-2020.01.02\n"), refused);
        assertTrue(refused.contains("logsearch prune: not deleting 2 partition(s) of '" + es.indexBase() + "' ending before "), refused);
        assertTrue(refused.contains("without --yes (no terminal to ask on)."), refused);
        assertEquals(200, status("HEAD", first), "kept");
        assertEquals(200, status("HEAD", second), "kept");

        String deleted = prune(es, 0, "--yes");
        assertTrue(deleted.contains("Deleted 2 partition(s) of '" + es.indexBase() + "'"), deleted);
        assertEquals(404, status("HEAD", first));
        assertEquals(404, status("HEAD", second));
    }
}
