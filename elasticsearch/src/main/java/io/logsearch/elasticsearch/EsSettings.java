package io.logsearch.elasticsearch;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How to reach Elasticsearch: {@code ES_URL} (default {@code http://127.0.0.1:9200}), one URL or
 * several separated by commas (nodes of one cluster, all of the same scheme: the client spreads
 * requests over them and fails over when one does not answer), and for
 * secured clusters {@code ES_API_KEY} or {@code ES_USERNAME}/{@code ES_PASSWORD}, and
 * {@code ES_CA_CERT} (a PEM file) to trust the cluster's TLS certificate. Invalid values are
 * refused with an {@link IllegalArgumentException} that names the variable.
 */
public record EsSettings(String url, Optional<String> apiKey, Optional<Credentials> credentials, Optional<Path> caCertificate) {

    public static final String DEFAULT_URL = "http://127.0.0.1:9200";
    private static final Pattern TOKEN = Pattern.compile("[!-~]+");

    /** Basic-auth user and password. */
    public record Credentials(String username, String password) {

        public Credentials {
            if (username.contains(":")) {
                throw new IllegalArgumentException("ES_USERNAME must not contain ':' (basic authentication cannot carry it)");
            }
        }

        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=***]";
        }
    }

    public EsSettings {
        url = checkUrls(url);
        apiKey.ifPresent(key -> {
            if (!TOKEN.matcher(key).matches()) {
                throw new IllegalArgumentException("ES_API_KEY must be the encoded API key (the 'encoded' value Elasticsearch returns):"
                        + " one token of printable characters without spaces");
            }
        });
        if (apiKey.isPresent() && credentials.isPresent()) {
            throw new IllegalArgumentException("set either ES_API_KEY or ES_USERNAME/ES_PASSWORD, not both");
        }
        caCertificate.ifPresent(path -> {
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new IllegalArgumentException("ES_CA_CERT " + path + " is not a readable file");
            }
        });
    }

    /** Each node's URL, in the order {@code ES_URL} names them. */
    public List<String> urls() {
        return List.of(url.split(","));
    }

    public static EsSettings of(String url) {
        return new EsSettings(url, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Settings from the process environment. */
    public static EsSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static EsSettings fromEnvironment(Map<String, String> env) {
        Optional<String> username = value(env, "ES_USERNAME");
        Optional<String> password = value(env, "ES_PASSWORD");
        if (username.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("ES_USERNAME and ES_PASSWORD must be set together");
        }
        return new EsSettings(
                value(env, "ES_URL").orElse(DEFAULT_URL),
                value(env, "ES_API_KEY"),
                username.map(u -> new Credentials(u, password.get())),
                value(env, "ES_CA_CERT").map(Path::of));
    }

    /** True when {@code ES_URL} is set, i.e. the user chose a cluster and no local node is wanted. */
    public static boolean explicitlyConfigured() {
        return value(System.getenv(), "ES_URL").isPresent();
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    /** One URL, or several separated by commas, each checked; blanks around them are dropped, repeats refused. */
    private static String checkUrls(String urls) {
        List<String> checked = Stream.of(urls.split(",", -1))
                .map(u -> checkUrl(u.strip()).replaceAll("/+$", ""))
                .toList();
        if (checked.stream().map(u -> u.substring(0, u.indexOf(':'))).distinct().count() > 1) {
            throw new IllegalArgumentException("ES_URL must name nodes of one scheme, all http:// or all https://: '" + urls.strip() + "'");
        }
        if (checked.stream().distinct().count() < checked.size()) {
            throw new IllegalArgumentException("ES_URL names a node twice: '" + urls.strip() + "'");
        }
        return String.join(",", checked);
    }

    /** {@code http[s]://host[:port]}: the client takes nothing else, so nothing else may be silently dropped. */
    private static String checkUrl(String url) {
        if (url.isEmpty()) {
            throw new IllegalArgumentException("ES_URL has an empty entry; separate node URLs with single commas");
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("ES_URL must start with http:// or https://, not '" + url + "'");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("ES_URL '" + url + "' is not a URL: " + e.getMessage(), e);
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("ES_URL must not carry credentials; set ES_USERNAME and ES_PASSWORD, or ES_API_KEY");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("ES_URL '" + url + "' has no valid host name (letters, digits, '-' and '.', or an IP address)");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new IllegalArgumentException("ES_URL '" + url + "' has a port outside 1-65535");
        }
        boolean bare = uri.getRawPath() == null || uri.getRawPath().matches("/*");
        if (!bare || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("ES_URL must be " + uri.getScheme() + "://host[:port], without a path, query or fragment: '" + url + "'");
        }
        return url;
    }

    @Override
    public String toString() {
        return "EsSettings[url=" + url + ", apiKey=" + apiKey.map(k -> "***") + ", credentials=" + credentials
                + ", caCertificate=" + caCertificate + "]";
    }
}
