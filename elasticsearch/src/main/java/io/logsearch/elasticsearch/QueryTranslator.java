package io.logsearch.elasticsearch;

import static io.logsearch.mappings.EventFields.ACTION;
import static io.logsearch.mappings.EventFields.APP_ID;
import static io.logsearch.mappings.EventFields.CATEGORY;
import static io.logsearch.mappings.EventFields.CLIENT_IP;
import static io.logsearch.mappings.EventFields.CLIENT_IP_RANGE;
import static io.logsearch.mappings.EventFields.MESSAGE;
import static io.logsearch.mappings.EventFields.ORGANIZATION_ID;
import static io.logsearch.mappings.EventFields.OUTCOME;
import static io.logsearch.mappings.EventFields.PROVIDER;
import static io.logsearch.mappings.EventFields.REQUEST_ID;
import static io.logsearch.mappings.EventFields.TIMESTAMP;
import static io.logsearch.mappings.EventFields.TYPE;
import static io.logsearch.mappings.EventFields.USER_ID;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.RangeRelation;
import co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringFlag;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.query.EventFilter;
import io.logsearch.storage.query.FieldCondition;
import io.logsearch.storage.query.IpNetwork;
import io.logsearch.storage.query.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Translates an {@link EventFilter} and the caller's {@link Visibility} into Elasticsearch filter
 * clauses over the partitions the filter's range overlaps. User text only ever reaches Elasticsearch as a term value or as a
 * {@code simple_query_string} over {@code message} with a fixed set of operators, so it can never
 * become Lucene syntax, another field, or query DSL.
 */
final class QueryTranslator {

    private static final List<SimpleQueryStringFlag> TEXT_OPERATORS = List.of(
            SimpleQueryStringFlag.And, SimpleQueryStringFlag.Or, SimpleQueryStringFlag.Not, SimpleQueryStringFlag.Phrase,
            SimpleQueryStringFlag.Prefix, SimpleQueryStringFlag.Precedence, SimpleQueryStringFlag.Whitespace,
            SimpleQueryStringFlag.Escape);

    private QueryTranslator() {
    }

    /**
     * The partitions a query needs, the filter and the caller's visibility: what every search
     * shares. A search that some shard failed is an error, never a silently shorter answer.
     */
    static SearchRequest.Builder scope(SearchRequest.Builder s, Partitioning partitions, EventFilter filter, Visibility visibility) {
        return s.index(partitions(partitions, filter))
                .ignoreUnavailable(true)
                .allowNoIndices(true)
                .allowPartialSearchResults(false)
                .query(translate(filter, visibility));
    }

    /** The partitions that overlap the filter's range, or every partition without one. */
    static List<String> partitions(Partitioning partitions, EventFilter filter) {
        return filter.range()
                .map(r -> partitions.overlapping(r.start(), r.end()))
                .orElseGet(partitions::everyPartition);
    }

    static Query translate(EventFilter filter, Visibility visibility) {
        List<Query> clauses = new ArrayList<>();
        anyOf(clauses, filter.eventTypes(), type -> Query.of(q -> q.term(t -> t.field(ACTION).value(type).caseInsensitive(true))));
        filter.range().ifPresent(range -> clauses.add(Query.of(q -> q.range(r -> r.date(d -> d
                .field(TIMESTAMP)
                .gte(String.valueOf(range.start().toEpochMilli()))
                .lte(String.valueOf(range.end().toEpochMilli()))
                .format("epoch_millis"))))));
        filter.success().ifPresent(success -> clauses.add(term(OUTCOME, success ? "success" : "failure")));
        anyOf(clauses, filter.clientIps(), QueryTranslator::clientIp);
        anyOf(clauses, filter.userIds(), v -> term(USER_ID, v));
        anyOf(clauses, filter.organizationIds(), v -> term(ORGANIZATION_ID, v));
        anyOf(clauses, filter.appIds(), v -> term(APP_ID, v));
        anyOf(clauses, filter.requestIds(), v -> term(REQUEST_ID, v));
        anyOf(clauses, filter.sources(), v -> term(PROVIDER, v));
        anyOf(clauses, filter.categories(), v -> term(CATEGORY, v));
        anyOf(clauses, filter.types(), v -> term(TYPE, v));
        filter.text().ifPresent(text -> clauses.add(Query.of(q -> q.simpleQueryString(s -> s
                .query(text)
                .fields(MESSAGE)
                .defaultOperator(Operator.And)
                .flags(TEXT_OPERATORS)
                .lenient(true)))));
        for (FieldCondition condition : filter.conditions()) {
            Query match = Query.of(q -> q.terms(t -> t.field(condition.field())
                    .terms(v -> v.value(condition.values().stream().map(FieldValue::of).toList()))));
            clauses.add(condition.negated() ? Query.of(q -> q.bool(b -> b.mustNot(match))) : match);
        }
        visibility.organizations().ifPresent(allowed -> clauses.add(Query.of(q -> q.terms(t -> t
                .field(ORGANIZATION_ID)
                .terms(v -> v.value(allowed.stream().sorted().map(FieldValue::of).toList()))))));
        return Query.of(q -> q.bool(BoolQuery.of(b -> b.filter(clauses))));
    }

    /** An address matches {@code client.ip} and the ranges containing it; a network matches the addresses in it and the ranges overlapping it. */
    private static Query clientIp(IpNetwork network) {
        Query range = network.isSingleAddress()
                ? term(CLIENT_IP_RANGE, network.first().getHostAddress())
                : Query.of(q -> q.range(r -> r.term(t -> t
                        .field(CLIENT_IP_RANGE)
                        .gte(network.first().getHostAddress())
                        .lte(network.last().getHostAddress())
                        .relation(RangeRelation.Intersects))));
        return Query.of(q -> q.bool(b -> b
                .should(term(CLIENT_IP, network.term()))
                .should(range)
                .minimumShouldMatch("1")));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static <T> void anyOf(List<Query> clauses, List<T> values, Function<T, Query> clause) {
        if (values.isEmpty()) {
            return;
        }
        if (values.size() == 1) {
            clauses.add(clause.apply(values.get(0)));
            return;
        }
        clauses.add(Query.of(q -> q.bool(b -> b.should(values.stream().map(clause).toList()).minimumShouldMatch("1"))));
    }
}
