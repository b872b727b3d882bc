package io.logsearch.dashboards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Posts saved objects to Kibana's {@code POST [/s/SPACE]/api/saved_objects/_import?overwrite=true}: a multipart
 * form with the NDJSON as the part {@code file} (a file name ending in {@code .ndjson}, which Kibana requires) and
 * the {@code kbn-xsrf} header Kibana wants on every write.
 */
public final class KibanaImport {

    private static final Pattern SPACE_ID = Pattern.compile("[a-z0-9_-]+");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI kibana;
    private final Optional<String> space;
    private final KibanaAuth auth;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public KibanaImport(URI kibana, Optional<String> space, KibanaAuth auth) {
        String scheme = Optional.ofNullable(kibana.getScheme()).orElse("");
        if (!(scheme.equals("http") || scheme.equals("https")) || kibana.getHost() == null) {
            throw new IllegalArgumentException("--kibana must be an http(s) URL such as http://127.0.0.1:5601, not '" + kibana + "'");
        }
        space.ifPresent(id -> {
            if (!SPACE_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("--space must be a Kibana space id (lowercase letters, digits, '_' and '-'), not '"
                        + id + "'");
            }
        });
        this.kibana = kibana;
        this.space = space;
        this.auth = auth;
    }

    public URI endpoint() {
        String base = kibana.toString().replaceAll("/+$", "");
        return URI.create(base + space.map(id -> "/s/" + id).orElse("") + "/api/saved_objects/_import?overwrite=true");
    }

    public ImportResult importObjects(String ndjson) throws InterruptedException {
        String boundary = "logsearch-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"logsearch.ndjson\"\r\n"
                + "Content-Type: application/ndjson\r\n\r\n"
                + ndjson
                + "\r\n--" + boundary + "--\r\n";
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint())
                .timeout(TIMEOUT)
                .header("kbn-xsrf", "true")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        auth.authorization().ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KibanaException("Kibana at " + kibana + " cannot be reached (" + describe(e) + "); start it, "
                    + "e.g. with docker-compose up -d, or pass its URL with --kibana", e);
        }
        JsonNode answer = parse(response);
        if (response.statusCode() != 200) {
            String message = answer.path("message").asText(response.body());
            String hint = response.statusCode() == 401 || response.statusCode() == 403
                    ? "; set KIBANA_USERNAME/KIBANA_PASSWORD or KIBANA_API_KEY for a user allowed to manage saved objects" : "";
            throw new KibanaException("Kibana at " + endpoint() + " answered HTTP " + response.statusCode() + ": " + message + hint);
        }
        List<String> errors = new ArrayList<>();
        answer.path("errors").forEach(error -> errors.add(describeError(error)));
        return new ImportResult(answer.path("success").asBoolean(false), answer.path("successCount").asInt(0), errors);
    }

    /** One refused object, e.g. {@code lens logsearch-top-client-ips "Top client IPs": missing_references index-pattern/x}. */
    static String describeError(JsonNode error) {
        JsonNode detail = error.path("error");
        StringBuilder out = new StringBuilder()
                .append(error.path("type").asText("?")).append(' ').append(error.path("id").asText("?"));
        String title = error.path("meta").path("title").asText(error.path("title").asText(""));
        if (!title.isEmpty()) {
            out.append(" \"").append(title).append('"');
        }
        out.append(": ").append(detail.path("type").asText("unknown"));
        if (detail.hasNonNull("message")) {
            out.append(": ").append(detail.get("message").asText());
        }
        List<String> missing = new ArrayList<>();
        detail.path("references").forEach(ref -> missing.add(ref.path("type").asText() + "/" + ref.path("id").asText()));
        if (!missing.isEmpty()) {
            out.append(' ').append(String.join(", ", missing));
        }
        return out.toString();
    }

    private JsonNode parse(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body().isEmpty() ? "{}" : response.body());
        } catch (JsonProcessingException e) {
            throw new KibanaException("Kibana at " + endpoint() + " answered HTTP " + response.statusCode()
                    + " with a body that is not JSON: " + abbreviate(response.body()), e);
        }
    }

    private static String describe(IOException e) {
        return Optional.ofNullable(e.getMessage()).filter(m -> !m.isBlank()).orElse(e.getClass().getSimpleName());
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
