package io.logsearch.poller.authing;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.authing.AuthingSource;
import io.logsearch.poller.CredentialRefusedException;
import io.logsearch.poller.JsonPages;
import io.logsearch.poller.PageRequest;
import io.logsearch.poller.PollFailedException;
import io.logsearch.poller.TimeSpan;
import io.logsearch.poller.Urls;
import io.logsearch.poller.VendorClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Authing's user action logs, {@code POST /api/v3/get-user-action-logs} with
 * {@code {"start", "end", "pagination": {"page", "limit": 50}}}, signed with the access key as the
 * official SDKs sign ({@link AuthingSigner}, the Node SDK's headers: a fresh
 * {@code x-authing-signature-nonce} per request, {@code date} as JavaScript's {@code toUTCString}).
 * The user pool is the access key's; its id is the records' context. Authing answers refusals inside
 * an HTTP 200 envelope: its {@code statusCode} 401 or 403 stops the source. The position is the page number.
 */
public final class AuthingClient implements VendorClient {

    static final String PATH = "/api/v3/get-user-action-logs";
    static final int LIMIT = 50;
    private static final Source SOURCE = new AuthingSource();
    private static final DateTimeFormatter UTC_STRING = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom NONCES = new SecureRandom();

    private final String base;
    private final String accessKeyId;
    private final String accessKeySecret;
    private final String userPoolId;
    private final Clock clock;

    public AuthingClient(String base, String accessKeyId, String accessKeySecret, String userPoolId, Clock clock) {
        this.base = base;
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
        this.userPoolId = userPoolId;
        this.clock = clock;
        Urls.resolve(base, PATH);
    }

    @Override
    public Source source() {
        return SOURCE;
    }

    @Override
    public String checkpointKey() {
        return "authing " + base + " userPoolId=" + userPoolId + " accessKeyId=" + accessKeyId;
    }

    @Override
    public String credential() {
        return "access key " + accessKeyId + " (--access-key-id, signed with --access-key-secret or LOGSEARCH_AUTHING_ACCESS_KEY_SECRET)";
    }

    @Override
    public PageRequest first(TimeSpan span) {
        return new PageRequest(span, "1");
    }

    @Override
    public String describe(PageRequest page) {
        return "POST " + Urls.resolve(base, PATH) + " " + body(page);
    }

    @Override
    public HttpRequest request(PageRequest page, Duration timeout) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("accept", "application/json");
        headers.put("content-type", "application/json");
        headers.put("x-authing-signature-nonce", nonce());
        headers.put("x-authing-signature-method", "HMAC-SHA1");
        headers.put("x-authing-signature-version", "1.0");
        headers.put("x-authing-sdk-version", "logsearch-poller:1");
        headers.put("x-authing-lang", "en-US");
        headers.put("date", UTC_STRING.format(clock.instant()));
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("start", Long.toString(page.span().since().toEpochMilli()));
        signed.put("end", Long.toString(page.span().until().toEpochMilli()));
        signed.put("pagination", pagination(page));
        headers.put("authorization", AuthingSigner.authorization(accessKeyId, accessKeySecret,
                AuthingSigner.stringToSign("POST", PATH, headers, signed)));
        HttpRequest.Builder request = HttpRequest.newBuilder(Urls.resolve(base, PATH)).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body(page)));
        headers.forEach(request::header);
        return request.build();
    }

    @Override
    public SourceContext context(PageRequest page) {
        return new SourceContext(Map.of(SourceContext.USER_POOL_ID, userPoolId));
    }

    @Override
    public Optional<PageRequest> next(PageRequest page, Path body) {
        JsonNode envelope = JsonPages.read(body);
        int status = envelope.path("statusCode").asInt(200);
        if (status == 401 || status == 403) {
            throw new CredentialRefusedException(SOURCE.id(), credential(), status, Urls.resolve(base, PATH).toString());
        }
        if (status != 200) {
            throw new PollFailedException("authing: " + describe(page) + " answered statusCode " + status + ": "
                    + envelope.path("message").asText());
        }
        long current = Long.parseLong(page.position());
        JsonNode data = envelope.path("data");
        boolean more = data.path("list").size() > 0 && current * LIMIT < data.path("totalCount").asLong(0);
        return more ? Optional.of(new PageRequest(page.span(), Long.toString(current + 1))) : Optional.empty();
    }

    private static String pagination(PageRequest page) {
        return "{\"page\":" + Long.parseLong(page.position()) + ",\"limit\":" + LIMIT + "}";
    }

    /** The body: its fields exactly as signed. */
    private static String body(PageRequest page) {
        return "{\"start\":" + page.span().since().toEpochMilli() + ",\"end\":" + page.span().until().toEpochMilli()
                + ",\"pagination\":" + pagination(page) + "}";
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        NONCES.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
