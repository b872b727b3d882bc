package io.logsearch.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import co.elastic.clients.json.JsonData;
import io.logsearch.mappings.IndexTemplate;
import io.logsearch.mappings.Partitioning;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealElasticsearch.class)
class IndexTemplateIT {

    private static final String EVERY_CORE_FIELD = """
            {"@timestamp":"2024-03-09T10:15:00Z","message":"API Sandbox User: Login failed.","tags":["a","b"],
             "event":{"id":"e1","kind":"event","action":"Login failed.","outcome":"failure","category":["authentication"],
                      "type":["start"],"dataset":"thousandeyes.audit","provider":"thousandeyes",
                      "ingested":"2024-03-09T10:16:00Z","original":"{\\"event\\":\\"Login failed.\\"}"},
             "user":{"id":"1234","name":"noreply@thousandeyes.com","full_name":"API Sandbox User","email":"noreply@thousandeyes.com"},
             "client":{"ip":"2001:db8::1","ip_range":"99.128.0.0/11","address":"99.128.0.0/11"},
             "source":{"ip":"10.1.2.3","address":"10.1.2.3","geo":{"location":{"lat":31.2,"lon":121.5},"country_name":"China",
                       "country_iso_code":"CN","region_name":"Shanghai","region_iso_code":"SH","city_name":"Shanghai",
                       "continent_code":"AS","timezone":"Asia/Shanghai"}},
             "related":{"ip":["10.1.2.3"],"user":["1234"]},
             "organization":{"id":"1234","name":"API Sandbox"},
             "http":{"request":{"id":"req-1"}},
             "user_agent":{"original":"Mozilla/5.0","name":"Chrome","version":"120","device":{"name":"Mac"},"os":{"name":"macOS","version":"14","full":"macOS 14"}},
             "url":{"original":"/workspaces/4137/files/849607","path":"/workspaces/4137/files/849607"},
             "file":{"name":"onehub-logo.png","path":"/workspaces/4137/files/849607"},
             "thousandeyes":{"account_group":{"id":"1234","name":"API Sandbox"},"resources":[{"type":"reportTitle","name":"My New report"}]}}
            """;

    private static ElasticsearchClient client;
    private static Partitioning partitions;

    @BeforeAll
    static void install(TestElasticsearch es) throws Exception {
        client = EsClients.create(EsSettings.of(es.url()));
        partitions = Partitioning.daily(es.indexBase());
        IndexTemplates.put(client, IndexTemplate.name(es.indexBase()), IndexTemplate.body(es.indexBase(), 0));
    }

    @AfterAll
    static void close() throws Exception {
        client._transport().close();
    }

    @Test
    void withoutAskedReplicasASingleDataNodeGetsNone(TestElasticsearch es) throws Exception {
        String base = es.indexBase() + "-replicas";
        assumeTrue(client.cluster().health().numberOfDataNodes() == 1, "a single-node cluster");
        EsEventStore.on(client, Partitioning.daily(base)).installTemplate();
        assertEquals("0", client.indices().getIndexTemplate(t -> t.name(base)).indexTemplates().get(0)
                .indexTemplate().template().settings().index().numberOfReplicas());
        EsEventStore.on(client, Partitioning.daily(base), 2).installTemplate();
        assertEquals("2", client.indices().getIndexTemplate(t -> t.name(base)).indexTemplates().get(0)
                .indexTemplate().template().settings().index().numberOfReplicas());
    }

    @Test
    void templateIsInstalledOnceAndReportedAsPresent(TestElasticsearch es) throws Exception {
        assertTrue(client.indices().existsIndexTemplate(t -> t.name(es.indexBase())).value());
        assertFalse(IndexTemplates.ensure(client, IndexTemplate.name(es.indexBase()), IndexTemplate.body(es.indexBase(), 0)));
    }

    @Test
    void aDocumentWithEveryCoreFieldIsAccepted() throws Exception {
        String index = partitions.indexFor(Instant.parse("2024-03-09T10:15:00Z"));
        client.index(i -> i.index(index).id("e1").withJson(new StringReader(EVERY_CORE_FIELD)).refresh(Refresh.True));

        long ipRangeHits = client.count(c -> c.index(index)
                .query(q -> q.term(t -> t.field("client.ip_range").value("99.130.1.1")))).count();
        assertEquals(1, ipRangeHits);
        long ipv6Hits = client.count(c -> c.index(index)
                .query(q -> q.term(t -> t.field("client.ip").value("2001:db8::/64")))).count();
        assertEquals(1, ipv6Hits);
    }

    @Test
    void partitionsGetTheTemplateSettings() throws Exception {
        String index = partitions.indexFor(Instant.parse("2024-05-01T00:00:00Z"));
        client.index(i -> i.index(index).id("e2").withJson(new StringReader(EVERY_CORE_FIELD)));
        IndexSettings settings = client.indices().getSettings(g -> g.index(index)).get(index).settings().index();
        assertEquals("best_compression", settings.codec());
        assertEquals("@timestamp", settings.sort().field().get(0));
        assertEquals("0", settings.numberOfReplicas());
    }

    @Test
    void anUnknownRootFieldIsRejected() {
        String index = partitions.indexFor(Instant.parse("2024-03-10T00:00:00Z"));
        String unknown = "{\"@timestamp\":\"2024-03-10T00:00:00Z\",\"surprise\":\"x\"}";
        ElasticsearchException rejected = org.junit.jupiter.api.Assertions.assertThrows(ElasticsearchException.class,
                () -> client.index(i -> i.index(index).id("bad").withJson(new StringReader(unknown))));
        assertEquals("strict_dynamic_mapping_exception", rejected.error().type());
    }

    @Test
    void aVendorNamespaceKeepsUnknownDetailsWithoutIndexingThem() throws Exception {
        String index = partitions.indexFor(Instant.parse("2024-03-11T00:00:00Z"));
        String doc = "{\"@timestamp\":\"2024-03-11T00:00:00Z\",\"authing\":{\"brand_new_field\":{\"x\":1}}}";
        client.index(i -> i.index(index).id("vendor").withJson(new StringReader(doc)).refresh(Refresh.True));
        JsonData source = client.get(g -> g.index(index).id("vendor"), JsonData.class).source();
        assertTrue(source.toJson().toString().contains("brand_new_field"));
    }
}
