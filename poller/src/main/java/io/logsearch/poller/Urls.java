package io.logsearch.poller;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Building a vendor's URLs from its base URL, which may carry a path (such as logsearch's {@code /compat/...}). */
public final class Urls {

    private Urls() {
    }

    /** {@code base} (trailing slashes dropped) followed by {@code path}, checked to be an http(s) URL. */
    public static URI resolve(String base, String path) {
        URI uri = URI.create(base.replaceAll("/+$", "") + path);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("the base URL must be http(s)://host[:port][/path]: " + base);
        }
        return uri;
    }

    /** {@code name=value&…} with each value URL-encoded, in the order given. */
    public static String query(List<Map.Entry<String, String>> parameters) {
        return parameters.stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Whether {@code link} points at the same scheme, host and port as {@code base}: credentials go nowhere else. */
    public static boolean sameOrigin(URI base, URI link) {
        return base.getScheme().equalsIgnoreCase(String.valueOf(link.getScheme()))
                && base.getHost().equalsIgnoreCase(String.valueOf(link.getHost()))
                && port(base) == port(link);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
