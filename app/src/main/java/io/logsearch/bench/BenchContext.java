package io.logsearch.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** What every part of a benchmark run works with: the node, a scratch directory, where progress and figures go. */
record BenchContext(HttpClient http, String esUrl, ElasticsearchClient client, Path work, Consumer<String> progress, List<Figure> figures) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Sends {@code request}; the time it took in nanoseconds; fails unless it answered 200. */
    long time(HttpRequest request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long nanos = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IOException(request.uri() + " answered HTTP " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return nanos;
    }

    /** The JSON answer of {@code request}; fails unless it answered 200. */
    JsonNode json(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(request.uri() + " answered HTTP " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return JSON.readTree(response.body());
    }

    JsonNode get(String url) throws IOException, InterruptedException {
        return json(HttpRequest.newBuilder(URI.create(url)).build());
    }

    /** Deletes the indices matching {@code pattern}, when there are any. */
    void deleteIndices(String pattern) throws IOException, InterruptedException {
        HttpResponse<String> names = http.send(HttpRequest.newBuilder(URI.create(esUrl + "/_cat/indices/" + pattern + "?h=index")).build(),
                HttpResponse.BodyHandlers.ofString());
        String indices = String.join(",", names.body().strip().split("\\s+"));
        if (indices.isEmpty()) {
            return;
        }
        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(esUrl + "/" + indices)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        if (deleted.statusCode() != 200) {
            throw new IOException("could not delete " + pattern + ": HTTP " + deleted.statusCode() + " " + deleted.body());
        }
    }
}
