package io.logsearch.cli;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code curl} example as README and the demo print it, {@code -H 'Name: value'}, {@code -d 'body'}
 * and a quoted URL, made into the request it sends, so that a test can check it finds something.
 */
record CurlExample(String line, String url, List<String> headers, Optional<String> body) {

    private static final Pattern PART = Pattern.compile("(-H|-d|--data-binary)?\\s*'([^']*)'");

    /** The example on {@code line}, or empty for lines that are no curl example or send a file ({@code @file}). */
    static Optional<CurlExample> parse(String line) {
        String text = line.strip();
        if (!text.startsWith("curl ") || text.contains(" @")) {
            return Optional.empty();
        }
        List<String> headers = new ArrayList<>();
        Optional<String> body = Optional.empty();
        String url = null;
        Matcher m = PART.matcher(text);
        while (m.find()) {
            if ("-H".equals(m.group(1))) {
                headers.add(m.group(2));
            } else if (m.group(1) != null) {
                body = Optional.of(m.group(2));
            } else {
                url = m.group(2);
            }
        }
        return url == null ? Optional.empty() : Optional.of(new CurlExample(text, url, headers, body));
    }

    /** Every example in {@code text}, with lines continued by a trailing backslash joined. */
    static List<CurlExample> in(String text) {
        List<CurlExample> examples = new ArrayList<>();
        for (String line : text.replaceAll("\\\\\\n\\s*", " ").split("\n")) {
            parse(line).ifPresent(examples::add);
        }
        return examples;
    }

    HttpRequest request(int port) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.replace("[]", "%5B%5D")
                .replaceFirst("http://127\\.0\\.0\\.1:\\d+", "http://127.0.0.1:" + port)));
        for (String header : headers) {
            String[] parts = header.split(":\\s*", 2);
            request.header(parts[0], parts[1]);
        }
        return body.map(b -> request.POST(HttpRequest.BodyPublishers.ofString(b))).orElseGet(request::GET).build();
    }
}
