package io.logsearch.indexer.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.logsearch.indexer.ecs.EventIds;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.sources.NormalizedEvent;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.Sources;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Content ids of records read through the whole pipeline, pinned to the values logsearch has always
 * computed for them: data loaded by an earlier version stays idempotent only while these never change.
 * The records carry what the canonical form must reproduce byte for byte: unsorted and nested keys,
 * exact decimals ({@code 1e2}, {@code 1.50}, {@code -0}), integers beyond a long, escapes and text
 * beyond ASCII, empty containers, and context from a wrapper and from the command line.
 */
class EventIdsPinnedTest {

    private static final String TRICKY_VALUES = """
            "extra":{"z":1e2,"a":[1.50,-0,12345678901234567890,true,null,{"y":"\\u00e9\\"\\\\\\/\\t😀 操作","b":{},"c":[]}],"m":-1.0E-3}""";

    @Test
    void thousandEyesIdsAreThoseOfEarlierVersions() throws Exception {
        String page = """
                {"auditEvents":[{"accountGroupName":"API Sandbox","aid":"1234","date":"2020-07-17T21:54:54Z","event":"Report created.","ipAddress":"99.128.0.0/11","uid":"1234","user":"API Sandbox User (noreply@thousandeyes.com)","resources":[{"name":"My New report","type":"reportTitle"},{"name":"Other Report","type":"testName"}]},\
                {"date":"2020-07-17T22:00:54Z","event":"Login failed.","uid":"77","user":"Søren Rossi (soren@example.com)",%s}]}
                """.formatted(TRICKY_VALUES);
        String prettyPage = """
                {
                  "auditEvents": [
                    {
                      "date": "2021-01-02T03:04:05Z",
                      "event": "Test deleted.",
                      "uid": "5",
                      "resources": [ { "type": "testName", "name": "Web \\"HTTP\\" check" } ]
                    }
                  ]
                }
                """;
        assertEquals(List.of(
                        "e0c48930f49787045c7826f7c876eb473f317be57fdc8a18a3a8f43ba4a4d194",
                        "e4377901fb55b91147eedbf571fd5945116e2c5476b43d44ba8e570a78876c85",
                        "5a7fa965c51579b94b19fe0827fc49251e5aa262598851404a726dbad653d69f"),
                ids("thousandeyes", SourceContext.EMPTY, page + prettyPage));
    }

    @Test
    void actionHubIdsWithWrapperContextAreThoseOfEarlierVersions() throws Exception {
        String export = """
                {"user_id":"42","program_id":"program-7","history":[{"timestamp":"2024-03-05T14:07:12.345Z","event_type":"viewed","asset_id":"asset-17","asset_name":"Welcome video","event_labels":["onboarding","mobile"],"asset_labels":["video",{"k":2.0}],%s}]}
                """.formatted(TRICKY_VALUES);
        assertEquals(List.of("52718d9b31d7e59ec7f44ca4e220c4f7d953f31b3a4517970b2e2c392cee9f50"),
                ids("actionhub", SourceContext.EMPTY, export));
    }

    @Test
    void authingIdsWithCommandLineContextAreThoseOfEarlierVersions() throws Exception {
        String export = """
                {"statusCode":200,"message":"操作成功","data":{"totalCount":1,"list":[{"userId":"6229ffa","userDisplayName":"Jane Doe","userLoginsCount":12,"clientIp":"203.0.113.7","eventType":"login","success":true,"timestamp":"2024-03-05T08:09:10.123Z","geoip":{"location":{"lat":31.2304,"lon":121.4737}},%s}]}}
                """.formatted(TRICKY_VALUES);
        assertEquals(List.of("9dd75fc45b6e86742072631c99d20f044dcb73ebad346d9bf9c38a3dfaec73df"),
                ids("authing", new SourceContext(Map.of(SourceContext.USER_POOL_ID, "pool-1")), export));
    }

    @Test
    void ecsIdsOfDocumentsWithoutTheirOwnAreThoseOfEarlierVersions() throws Exception {
        String export = """
                {"@timestamp":"2024-01-01T00:00:00Z","event.action":"logon","user":{"name":"a"},%s}
                """.formatted(TRICKY_VALUES);
        assertEquals(List.of("95e3981ea3062c4eda7689d98ba6355e964212765521f44c2935a104b918f0e2"),
                ids("ecs", SourceContext.EMPTY, export));
    }

    @Test
    void idsOfTreesWithBinaryFloatingPointNumbersAreThoseOfEarlierVersions() throws Exception {
        // a tree from a default mapper holds doubles, not exact decimals: their canonical text is pinned too
        var record = new ObjectMapper().readTree("{\"b\":[1e2,0.1,-0.0,1.0E-7],\"a\":{\"n\":9007199254740993}}");
        assertEquals("71ac845dba89c10f6199a2878579a80d84e4c3706d20869d272eafd21a5e484e",
                EventIds.contentId("s", new SourceContext(Map.of("userId", "1", "programId", "p")), record));
    }

    private static List<String> ids(String source, SourceContext context, String export) {
        List<String> ids = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        EventSink collect = new EventSink() {
            @Override
            public void write(NormalizedEvent event, RecordOrigin origin) {
                assertEquals(event.id(), event.document().path("event").path("id").asText());
                ids.add(event.id());
            }

            @Override
            public void close() {
            }
        };
        byte[] bytes = export.getBytes(StandardCharsets.UTF_8);
        new Pipeline(Sources.byId(source), context, collect, rejections::add, new LoadCounters())
                .read(ExportInput.of("export", () -> new ByteArrayInputStream(bytes)));
        assertEquals(List.of(), rejections);
        return ids;
    }
}
