package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Junk a hostile client sends, and what every answer to it must be: never a 5xx, always the
 * endpoint's documented error shape, never a stack trace or Elasticsearch's own text; and what
 * may reach Elasticsearch of it (checked on the requests a {@link RecordingProxy} saw).
 */
final class HostileInput {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Injection strings, query DSL, Lucene syntax, path traversal, numbers and dates out of range. */
    static final List<String> ATTACKS = List.of(
            "' OR '1'='1", "1; DROP TABLE events --", "\" OR \"\"=\"", "admin'--",
            "{\"match_all\":{}}", "{\"query\":{\"match_all\":{}}}", "{\"bool\":{\"should\":[{\"match_all\":{}}]}}",
            "{\"script\":{\"source\":\"Runtime.getRuntime().exec('id')\"}}", "{\"query_string\":{\"query\":\"*\"}}",
            "*:*", "_exists_:organization.id", "organization.id:* OR *", "user.id:[* TO *]", "event.original:/.*/",
            "a* OR b~2 AND c^10", "(a OR (b AND \"c", "\\\\\\\"", "NOT *", "+-&&||!(){}[]^\"~*?:\\/",
            "/.*/", "\\u0000", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "<script>alert(1)</script>",
            "../../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd", "..\\..\\windows\\win.ini", "/etc/passwd%00.json",
            "logsearch-events-*", "*,-logsearch-events-*", "_all", ".security-7", "%2e%2e%2f",
            "99999999999999999999999999", "-99999999999999999999", "9223372036854775808", "-9223372036854775809", "1e309",
            "NaN", "Infinity", "-0", "0x7fffffff", "1_000", "１２３",
            "2024-13-45", "2024-02-30T25:61:61Z", "+10000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "0000-00-00",
            "9999-12-31T23:59:59.999999999+18:00", "now-1d/d", "now||-1d", "2024-01-01||+1000y",
            "999999999999999w", "0s", "1ms", "1.5h", "-1d", "P1D", "1d OR 1=1",
            "::", "::/0", "0.0.0.0/0", "255.255.255.255/33", "1.2.3.4/-1", "fe80::1%eth0", "::ffff:0.0.0.0/96",
            "😀👍🏽", "\u202Eevil", "Ω≈ç√∫", "\uFEFFbom", "\u00A0", "\r\nX-Injected: yes", "%", "%zz", "%E0%A4%A");

    private HostileInput() {
    }

    /** A junk value: an attack, random text of any script, a huge number, or a 10,000-character value. */
    static Arbitrary<String> junk() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.of(ATTACKS)),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(24)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withChars("%*:?\"\\{}[]()~^/<>&|!+-=' ,;#.\t").ofMaxLength(16)),
                net.jqwik.api.Tuple.of(1, Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                        .map(BigInteger::toString)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("a", "%", "9", "é", "{", "*").map(c -> c.repeat(10_000))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(ATTACKS).list().ofMinSize(2).ofMaxSize(3).map(l -> String.join("", l))));
    }

    /** One query parameter as sent: percent-encoded, or raw (invalid percent-encoding and all). */
    record Param(String name, String value, boolean raw) {

        String encoded() {
            return raw ? keepingPercents(name) + "=" + keepingPercents(value) : encode(name) + "=" + encode(value);
        }

        @Override
        public String toString() {
            return RawHttp.abbreviated(encoded());
        }
    }

    static Arbitrary<Param> param(List<String> names) {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.of(names)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("unknown", "size[]", "q%00", "__proto__", "index", "_source", "script")),
                net.jqwik.api.Tuple.of(1, junk()));
        Arbitrary<Boolean> raw = Arbitraries.of(false, false, false, false, true);
        return net.jqwik.api.Combinators.combine(name, junk(), raw).as(Param::new);
    }

    static Arbitrary<List<Param>> params(List<String> names) {
        return param(names).list().ofMaxSize(5);
    }

    static String query(List<Param> params) {
        return params.isEmpty() ? "" : "?" + String.join("&", params.stream().map(Param::encoded).toList());
    }

    /** Percent-encoded but for the {@code %} signs, which stay as given: valid request targets with invalid percent-encoding. */
    static String keepingPercents(String text) {
        return encode(text).replace("%25", "%");
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The values a request carried, as the server decodes them: the user text to look for at Elasticsearch. */
    static List<String> texts(List<Param> params) {
        List<String> texts = new ArrayList<>();
        for (Param p : params) {
            texts.add(p.raw() ? decoded(p.value()) : p.value());
            // a plain name is a parameter the endpoint knows (and a field it matches) or one it refuses before any search
            if (!p.name().matches("[A-Za-z_\\[\\]-]+")) {
                texts.add(p.raw() ? decoded(p.name()) : p.name());
            }
        }
        return texts;
    }

    static String decoded(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException invalid) {
            return raw;
        }
    }

    /** Whether the request target is one a client library could send, so that openapi.yaml can judge the exchange. */
    static boolean decodable(String target) {
        try {
            java.net.URI.create("http://h" + target);
            URLDecoder.decode(target, StandardCharsets.UTF_8);
            return true;
        } catch (IllegalArgumentException invalid) {
            return false;
        }
    }

    /** The error shape each part of the API documents. */
    enum Shape { PROBLEM, THOUSANDEYES, ACTIONHUB, ONEHUB, AUTHING }

    static Shape shapeOf(String path) {
        if (path.startsWith("/compat/thousandeyes")) {
            return Shape.THOUSANDEYES;
        }
        if (path.startsWith("/compat/actionhub")) {
            return Shape.ACTIONHUB;
        }
        if (path.startsWith("/compat/onehub")) {
            return Shape.ONEHUB;
        }
        if (path.startsWith("/compat/authing")) {
            return Shape.AUTHING;
        }
        return Shape.PROBLEM;
    }

    /** The only methods the API routes: a 405's {@code Allow} names some of them, never the method refused. */
    private static final Set<String> ROUTED_METHODS = Set.of("GET", "HEAD", "POST");

    private static final List<String> LEAKS = List.of("\tat ", "Exception", "java.", "co.elastic", "org.eclipse", "io.javalin",
            "root_cause", "caused_by", "_exception", "search_phase", "query_shard", "failed to parse", "x_content", "Caused by");

    /**
     * The properties of every answer: no 5xx (the cluster is up), the documented error shape for
     * its path, and neither a stack trace nor Elasticsearch's words.
     */
    static void assertWellAnswered(String method, String target, TestApi.Response response) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        String exchange = method + " " + RawHttp.abbreviated(target) + " -> " + response.status() + " "
                + RawHttp.abbreviated(response.body());
        assertTrue(response.status() < 500, "a server error: " + exchange);
        if (response.status() < 400 && shapeOf(path) != Shape.AUTHING) {
            return;
        }
        for (String leak : LEAKS) {
            assertTrue(!response.body().contains(leak), "the answer holds '" + leak + "': " + exchange);
        }
        if (response.status() == 405) {
            String allow = String.valueOf(response.header("Allow"));
            List<String> allowed = List.of(allow.split(", "));
            assertTrue(ROUTED_METHODS.containsAll(allowed) && !allowed.contains(method), "Allow: " + allow + " on " + exchange);
        }
        if (method.equals("HEAD")) {
            return;
        }
        String type = String.valueOf(response.header("Content-Type")).toLowerCase(Locale.ROOT);
        JsonNode body = parse(response.body(), exchange);
        switch (refusedBeforeRouting(response) ? Shape.PROBLEM : shapeOf(path)) {
            case PROBLEM -> {
                assertTrue(type.startsWith("application/problem+json"), "content type " + type + ": " + exchange);
                assertEquals(response.status(), body.path("status").asInt(), exchange);
                assertTrue(body.path("title").isTextual() && body.path("detail").isTextual() && body.path("instance").isTextual()
                        && body.path("errors").isArray(), "not a problem: " + exchange);
            }
            case THOUSANDEYES -> {
                assertTrue(type.startsWith("application/problem+json"), "content type " + type + ": " + exchange);
                if (response.status() == 401) {
                    assertTrue(body.path("error").isTextual() && body.path("error_description").isTextual(), exchange);
                } else {
                    assertEquals(response.status(), body.path("status").asInt(), exchange);
                    assertTrue(body.path("title").isTextual(), exchange);
                }
            }
            case ACTIONHUB -> assertTrue(body.has("detail"), "not FastAPI's {detail}: " + exchange);
            case ONEHUB -> assertTrue(body.path("error").isTextual(), "not Onehub's {error}: " + exchange);
            case AUTHING -> {
                if (response.status() == 200 && body.has("data")) {
                    return;
                }
                assertTrue(body.path("statusCode").isInt() && body.path("message").isTextual() && body.path("requestId").isTextual(),
                        "not Authing's {statusCode, message, requestId}: " + exchange);
            }
        }
    }

    /** Jetty's refusal of a request no route could be given (a NUL or an ambiguous segment in the path, a head too large). */
    static boolean refusedBeforeRouting(TestApi.Response response) {
        return response.body().contains("\"detail\":\"The server could not read the request: ");
    }

    private static JsonNode parse(String body, String exchange) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                fail("not a JSON object: " + exchange);
            }
            return node;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + exchange, e);
        }
    }

    /** Query DSL that user text must never meet: it would read the text as syntax, code, or another field. */
    private static final Set<String> FORBIDDEN_KEYS = Set.of("query_string", "script", "script_score", "script_fields",
            "runtime_mappings", "regexp", "wildcard", "fuzzy", "intervals", "match_all", "more_like_this", "percolate");

    /**
     * User text reaches Elasticsearch only as the value of a {@code term}, {@code terms},
     * {@code simple_query_string} or {@code range}: never in a path (index names), a field name,
     * or any other place of a request; and no request holds query DSL that would read text as syntax.
     */
    static void assertUserTextOnlyAsValues(List<RecordingProxy.Recorded> requests, List<String> userTexts, String indexBase) {
        List<String> texts = userTexts.stream().map(String::trim).filter(t -> t.length() >= 6).distinct().toList();
        for (RecordingProxy.Recorded request : requests) {
            String path = decoded(request.pathAndQuery().contains("?")
                    ? request.pathAndQuery().substring(0, request.pathAndQuery().indexOf('?')) : request.pathAndQuery());
            for (String text : texts) {
                assertTrue(!path.contains(text), "user text '" + RawHttp.abbreviated(text) + "' in the path " + path);
            }
            for (String index : path.substring(1).split("/")[0].split(",")) {
                assertTrue(index.isEmpty() || index.startsWith("_") || index.startsWith(indexBase),
                        "a request to an index beyond the partitions: " + RawHttp.abbreviated(path));
            }
            if (request.body().isBlank() || path.endsWith("/_bulk")) {
                continue;
            }
            JsonNode body = parse(request.body(), request.method() + " " + path + " " + RawHttp.abbreviated(request.body()));
            walk(body, new ArrayList<>(), texts, request);
        }
    }

    private static void walk(JsonNode node, List<String> at, List<String> texts, RecordingProxy.Recorded request) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                assertTrue(!FORBIDDEN_KEYS.contains(field.getKey()), "'" + field.getKey() + "' in " + RawHttp.abbreviated(request.body()));
                for (String text : texts) {
                    assertTrue(!field.getKey().contains(text), "user text '" + RawHttp.abbreviated(text) + "' as a field name in "
                            + RawHttp.abbreviated(request.body()));
                }
                at.add(field.getKey());
                walk(field.getValue(), at, texts, request);
                at.remove(at.size() - 1);
            });
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                at.add("[]");
                walk(element, at, texts, request);
                at.remove(at.size() - 1);
            }
        } else if (node.isTextual()) {
            for (String text : texts) {
                if (node.asText().contains(text)) {
                    assertTrue(allowedValue(at), "user text '" + RawHttp.abbreviated(text) + "' at " + String.join(".", at) + " in "
                            + RawHttp.abbreviated(request.body()));
                }
            }
        }
    }

    /** {@code term.<field>.value}, {@code terms.<field>[]}, {@code simple_query_string.query}, {@code range.<field>.gte|lte}. */
    private static boolean allowedValue(List<String> at) {
        int n = at.size();
        return n >= 3 && at.get(n - 3).equals("term") && at.get(n - 1).equals("value")
                || n >= 3 && at.get(n - 3).equals("terms") && at.get(n - 1).equals("[]")
                || n >= 2 && at.get(n - 2).equals("simple_query_string") && at.get(n - 1).equals("query")
                || n >= 3 && at.get(n - 3).equals("range") && Set.of("gte", "lte", "gt", "lt").contains(at.get(n - 1));
    }
}
