package io.logsearch.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.query.EventFilter;
import io.logsearch.storage.query.FieldCondition;
import io.logsearch.storage.query.IpNetwork;
import io.logsearch.storage.query.TimeRange;
import io.logsearch.storage.query.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The query DSL each filter becomes, read back as JSON; no Elasticsearch needed. */
class QueryTranslatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Visibility EVERYTHING = new Visibility(Optional.empty());

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    /** The filter clauses of the translated query. */
    private static JsonNode clauses(EventFilter filter, Visibility visibility) throws Exception {
        String query = JsonpUtils.toJsonString(QueryTranslator.translate(filter, visibility), new JacksonJsonpMapper());
        return JSON.readTree(query).path("bool").path("filter");
    }

    private static JsonNode only(EventFilter filter) throws Exception {
        JsonNode clauses = clauses(filter, EVERYTHING);
        assertEquals(1, clauses.size(), clauses.toString());
        return clauses.get(0);
    }

    @Test
    void anEmptyFilterAllowingEverythingHasNoClauses() throws Exception {
        assertEquals(json("[]"), clauses(EventFilter.builder().build(), EVERYTHING));
    }

    @Test
    void oneValueIsATermSeveralAreAnyOfThem() throws Exception {
        assertEquals(json("{'term':{'user.id':{'value':'u1'}}}"), only(EventFilter.builder().userIds(List.of("u1")).build()));
        assertEquals(json("{'bool':{'minimum_should_match':'1','should':["
                        + "{'term':{'event.provider':{'value':'onehub'}}},{'term':{'event.provider':{'value':'authing'}}}]}}"),
                only(EventFilter.builder().sources(List.of("onehub", "authing")).build()));
        assertEquals(json("{'term':{'event.action':{'value':'Login','case_insensitive':true}}}"),
                only(EventFilter.builder().eventTypes(List.of("Login")).build()));
    }

    @Test
    void categoryAndTypeAreEcsCategorizationTerms() throws Exception {
        JsonNode clauses = clauses(EventFilter.builder().categories(List.of("authentication")).types(List.of("start")).build(), EVERYTHING);
        assertEquals(json("[{'term':{'event.category':{'value':'authentication'}}},{'term':{'event.type':{'value':'start'}}}]"), clauses);
    }

    @Test
    void successIsAnOutcomeTerm() throws Exception {
        assertEquals(json("{'term':{'event.outcome':{'value':'failure'}}}"), only(EventFilter.builder().success(Optional.of(false)).build()));
    }

    @Test
    void aTimeRangeIsInclusiveInEpochMilliseconds() throws Exception {
        TimeRange range = new TimeRange(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T23:59:59.999Z"));
        assertEquals(json("{'range':{'@timestamp':{'gte':'1704067200000','lte':'1704153599999','format':'epoch_millis'}}}"),
                only(EventFilter.builder().range(Optional.of(range)).build()));
    }

    @Test
    void anAddressMatchesItselfAndTheRangesHoldingIt() throws Exception {
        IpNetwork address = IpNetwork.parse("203.0.113.7").orElseThrow();
        assertEquals(json("{'bool':{'minimum_should_match':'1','should':["
                        + "{'term':{'client.ip':{'value':'203.0.113.7'}}},{'term':{'client.ip_range':{'value':'203.0.113.7'}}}]}}"),
                only(EventFilter.builder().clientIps(List.of(address)).build()));
    }

    @Test
    void aCidrNetworkMatchesItsAddressesAndTheRangesOverlappingIt() throws Exception {
        IpNetwork network = IpNetwork.parse("10.1.0.0/16").orElseThrow();
        assertEquals(json("{'bool':{'minimum_should_match':'1','should':["
                        + "{'term':{'client.ip':{'value':'10.1.0.0/16'}}},"
                        + "{'range':{'client.ip_range':{'gte':'10.1.0.0','lte':'10.1.255.255','relation':'intersects'}}}]}}"),
                only(EventFilter.builder().clientIps(List.of(network)).build()));
    }

    @Test
    void textIsASimpleQueryStringOverTheMessageOnly() throws Exception {
        JsonNode text = only(EventFilter.builder().text(Optional.of("password reset")).build()).path("simple_query_string");
        assertEquals(json("['message']"), text.path("fields"));
        assertEquals("password reset", text.path("query").asText());
        assertEquals("and", text.path("default_operator").asText());
        assertEquals("AND|OR|NOT|PHRASE|PREFIX|PRECEDENCE|WHITESPACE|ESCAPE", text.path("flags").asText());
    }

    @Test
    void aConditionIsATermsClauseAndItsNegationAMustNot() throws Exception {
        assertEquals(json("{'terms':{'tags':['a','b']}}"),
                only(EventFilter.builder().condition(FieldCondition.anyOf("tags", List.of("a", "b"))).build()));
        assertEquals(json("{'bool':{'must_not':[{'terms':{'tags':['c']}}]}}"),
                only(EventFilter.builder().condition(FieldCondition.noneOf("tags", List.of("c"))).build()));
    }

    @Test
    void visibilityAddsTheCallersOrganizationsSorted() throws Exception {
        JsonNode clauses = clauses(EventFilter.builder().userIds(List.of("u1")).build(), new Visibility(Optional.of(Set.of("b", "a"))));
        assertEquals(2, clauses.size());
        assertEquals(json("{'terms':{'organization.id':['a','b']}}"), clauses.get(1));
    }

    @Test
    void onlyThePartitionsOverlappingTheRangeAreSearched() {
        Partitioning daily = Partitioning.daily("logs");
        TimeRange range = new TimeRange(Instant.parse("2024-03-31T12:00:00Z"), Instant.parse("2024-04-01T12:00:00Z"));
        assertEquals(List.of("logs-2024.03.31", "logs-2024.04.01"),
                QueryTranslator.partitions(daily, EventFilter.builder().range(Optional.of(range)).build()));
        assertEquals(daily.everyPartition(), QueryTranslator.partitions(daily, EventFilter.builder().build()));
        SearchRequest scoped = QueryTranslator.scope(new SearchRequest.Builder(), daily, EventFilter.builder().build(), EVERYTHING).build();
        assertFalse(scoped.allowPartialSearchResults(), "a search some shard failed is an error");
        assertEquals(daily.everyPartition(), scoped.index());
    }
}
