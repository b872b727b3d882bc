package io.logsearch.compatclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.authing.sdk.java.client.ManagementClient;
import cn.authing.sdk.java.dto.GetUserActionLogsDto;
import cn.authing.sdk.java.dto.ListWebhooksDto;
import cn.authing.sdk.java.dto.UserActionLogDto;
import cn.authing.sdk.java.dto.UserActionLogRespDto;
import cn.authing.sdk.java.enums.LanguageEnum;
import cn.authing.sdk.java.model.AuthingRequestConfig;
import cn.authing.sdk.java.model.ManagementClientOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Authing's official Java SDK ({@code cn.authing:authing-java-sdk}) pointed at
 * {@code /compat/authing}: it exchanges its access key and secret at {@code get-management-token}
 * (a logsearch token's name and the token), then calls {@code get-user-action-logs}.
 */
@ExtendWith(RealElasticsearch.class)
class AuthingSdkIT {

    private static final String TOKEN = "authing-sdk-token-0123456789";
    /** {@link CompatServer} names its tokens token-1, token-2, … in order. */
    private static final String TOKEN_NAME = "token-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 10;
    private static CompatServer server;
    private static String pool;
    /** The records of the token's user pool, as exported. */
    private static List<JsonNode> visible;

    @BeforeAll
    static void start(TestElasticsearch es) throws IOException {
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        ExportGenerator.forSource("authing").write(new GeneratorSpec(400, 20, 17, Instant.parse("2025-08-01T00:00:00Z")), export);
        Map<String, List<JsonNode>> byPool = new HashMap<>();
        for (String line : export.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode page = JSON.readTree(line);
            page.at("/data/list").forEach(r -> byPool.computeIfAbsent(page.path("userPoolId").asText(), p -> new ArrayList<>()).add(r));
        }
        assertTrue(byPool.size() > 1, "the export spans several user pools");
        pool = byPool.entrySet().stream().max(Map.Entry.comparingByValue((a, b) -> a.size() - b.size())).orElseThrow().getKey();
        visible = byPool.get(pool);
        server = CompatServer.start(es, Optional.of(Map.of(TOKEN, List.of(pool))));
        server.load("authing", SourceContext.EMPTY, export.toString(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private static ManagementClient client(String keyId, String secret) {
        ManagementClientOptions options = new ManagementClientOptions();
        options.setAccessKeyId(keyId);
        options.setAccessKeySecret(secret);
        options.setHost(server.base() + "/compat/authing");
        options.setTimeout(10_000);
        options.setLang(LanguageEnum.ENGLISH);
        return new ManagementClient(options);
    }

    /** Every page of {@code request}, by page number, {@link #PAGE} at a time. */
    private static List<UserActionLogDto> all(ManagementClient client, GetUserActionLogsDto request) {
        List<UserActionLogDto> logs = new ArrayList<>();
        for (int page = 1; ; page++) {
            ListWebhooksDto pagination = new ListWebhooksDto();
            pagination.setPage(page);
            pagination.setLimit(PAGE);
            request.setPagination(pagination);
            UserActionLogRespDto response = client.getUserActionLogs(request);
            assertEquals(200, response.getStatusCode());
            logs.addAll(response.getData().getList());
            assertTrue(response.getData().getList().size() <= PAGE);
            if ((long) page * PAGE >= response.getData().getTotalCount()) {
                return logs;
            }
        }
    }

    private static Set<String> requestIds(Predicate<JsonNode> filter) {
        return visible.stream().filter(filter).map(r -> r.path("requestId").asText()).collect(Collectors.toSet());
    }

    @Test
    void theSdkSignsInAndPagesThroughItsPoolsLogins() {
        GetUserActionLogsDto logins = new GetUserActionLogsDto();
        logins.setEventType("login");
        List<UserActionLogDto> logs = all(client(TOKEN_NAME, TOKEN), logins);
        Map<String, JsonNode> expected = visible.stream().filter(r -> r.path("eventType").asText().equals("login"))
                .collect(Collectors.toMap(r -> r.path("requestId").asText(), r -> r));
        assertTrue(expected.size() > 2 * PAGE, "several pages: " + expected.size());
        assertEquals(expected.size(), logs.size());
        for (UserActionLogDto log : logs) {
            JsonNode record = expected.get(log.getRequestId());
            assertEquals(record.path("userId").asText(), log.getUserId());
            assertEquals(record.path("appId").asText(), log.getAppId());
            assertEquals(record.path("clientIp").asText(), log.getClientIp());
            assertEquals(record.path("success").asBoolean(), log.getSuccess());
            assertEquals(UserActionLogDto.EventType.LOGIN, log.getEventType());
            assertEquals(record.path("userDisplayName").asText(), log.getUserDisplayName());
        }
        assertEquals(expected.keySet(), logs.stream().map(UserActionLogDto::getRequestId).collect(Collectors.toSet()));
    }

    @Test
    void theSdksFiltersNarrowTheLogs() {
        JsonNode some = visible.stream().filter(r -> r.path("eventType").asText().equals("login")).findFirst().orElseThrow();
        GetUserActionLogsDto request = new GetUserActionLogsDto();
        request.setEventType("login");
        request.setUserId(some.path("userId").asText());
        request.setAppId(some.path("appId").asText());
        request.setSuccess(some.path("success").asBoolean());
        Set<String> expected = requestIds(r -> r.path("eventType").asText().equals("login")
                && r.path("userId").equals(some.path("userId")) && r.path("appId").equals(some.path("appId"))
                && r.path("success").equals(some.path("success")));
        assertEquals(expected, all(client(TOKEN_NAME, TOKEN), request).stream().map(UserActionLogDto::getRequestId)
                .collect(Collectors.toSet()));
    }

    /**
     * The SDK's typed request holds {@code start} and {@code end} as {@code Integer}, too small for
     * the epoch milliseconds Authing documents, so a time range goes through its raw request.
     */
    @Test
    void aTimeRangeThroughTheSdksRawRequestReturnsTheRecordsAsExported() throws IOException {
        List<Instant> times = visible.stream().map(AuthingSdkIT::timestamp).sorted().toList();
        Instant start = times.get(times.size() / 4);
        Instant end = times.get(times.size() / 2);
        AuthingRequestConfig config = new AuthingRequestConfig();
        config.setUrl("/api/v3/get-user-action-logs");
        config.setMethod("POST");
        config.setBody(Map.of("start", start.toEpochMilli(), "end", end.toEpochMilli(), "pagination", Map.of("page", 1, "limit", 50)));
        JsonNode response = JSON.readTree(client(TOKEN_NAME, TOKEN).request(config));
        List<JsonNode> expected = visible.stream().filter(r -> !timestamp(r).isBefore(start) && !timestamp(r).isAfter(end)).toList();
        assertTrue(expected.size() <= 50 && expected.size() > 5, "one page of several records: " + expected.size());
        assertEquals(expected.size(), response.at("/data/totalCount").asInt());
        List<JsonNode> list = new ArrayList<>();
        response.at("/data/list").forEach(list::add);
        assertEquals(Set.copyOf(expected), Set.copyOf(list), "the records exactly as exported");
    }

    /**
     * Authing answers business errors with HTTP 200 and the status in {@code statusCode}: the SDK hands
     * the envelope back for a query, and its token exchange throws the message of a refusal
     * ({@code ManagementClientOptions.ManagementTokenProvider.refreshManagementToken}).
     */
    @Test
    void invalidInputAndBadCredentialsReachTheSdkAsAuthingErrors() {
        GetUserActionLogsDto tooMany = new GetUserActionLogsDto();
        ListWebhooksDto pagination = new ListWebhooksDto();
        pagination.setLimit(51);
        tooMany.setPagination(pagination);
        UserActionLogRespDto invalid = client(TOKEN_NAME, TOKEN).getUserActionLogs(tooMany);
        assertEquals(400, invalid.getStatusCode());
        assertTrue(invalid.getMessage().contains("limit"), invalid.getMessage());

        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> client(TOKEN_NAME, "not-the-token").getUserActionLogs(new GetUserActionLogsDto()));
        assertTrue(refused.getMessage().contains("not valid"), refused.getMessage());
        RuntimeException otherName = assertThrows(RuntimeException.class,
                () -> client("token-2", TOKEN).getUserActionLogs(new GetUserActionLogsDto()));
        assertTrue(otherName.getMessage().contains("not valid"), otherName.getMessage());
    }

    private static Instant timestamp(JsonNode record) {
        JsonNode value = record.path("timestamp");
        return value.isNumber() ? Instant.ofEpochMilli(value.asLong()) : Instant.parse(value.asText());
    }
}
