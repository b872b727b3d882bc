package io.logsearch.api.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.storage.query.EventPage;
import io.logsearch.storage.query.HistogramBucket;
import io.logsearch.storage.query.SearchAfter;
import io.logsearch.storage.query.TimeRange;
import io.logsearch.storage.query.TopBucket;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code /v1/events} response bodies, rendered from results without a server or Elasticsearch. */
class ResponseBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TimeRange MAY = new TimeRange(Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-05-31T23:59:59.999Z"));

    private static ObjectNode event(String id) {
        ObjectNode event = JSON.createObjectNode();
        event.putObject("event").put("id", id);
        return event;
    }

    /** The body as a client reads it, numbers typed by their text (a long 7 and an int 7 are the same number on the wire). */
    private static com.fasterxml.jackson.databind.JsonNode reparsed(ObjectNode body) throws Exception {
        return JSON.readTree(body.toString());
    }

    @Test
    void aPageOfEventsCarriesTheRangeTheTotalAndTheNextLink() throws Exception {
        EventPage page = new EventPage(List.of(event("a"), event("b")), 10_000, false, Optional.of(new SearchAfter(1, "b")));
        ObjectNode body = EventsHandler.body(page, Optional.of(MAY), "http://h/v1/events", Optional.of("http://h/v1/events?cursor=c"));
        assertEquals(JSON.readTree("""
                {"events":[{"event":{"id":"a"}},{"event":{"id":"b"}}],
                 "startDate":"2024-05-01T00:00:00Z","endDate":"2024-05-31T23:59:59.999Z",
                 "total":{"value":10000,"relation":"gte"},
                 "_links":{"self":{"href":"http://h/v1/events"},"next":{"href":"http://h/v1/events?cursor=c"}}}"""), reparsed(body));
    }

    @Test
    void theLastPageWithoutARangeSaysItSearchedAllTimeAndHasNoNextLink() throws Exception {
        ObjectNode body = EventsHandler.body(new EventPage(List.of(), 0, true, Optional.empty()), Optional.empty(), "http://h/v1/events",
                Optional.empty());
        assertEquals(JSON.readTree("""
                {"events":[],"startDate":"0000-01-01T00:00:00Z","endDate":"9999-12-31T23:59:59.999Z",
                 "total":{"value":0,"relation":"eq"},"_links":{"self":{"href":"http://h/v1/events"}}}"""), reparsed(body));
    }

    @Test
    void topValuesKeepTheirOrder() throws Exception {
        ObjectNode body = TopHandler.body("userId", List.of(new TopBucket("u2", 7), new TopBucket("u1", 3)));
        assertEquals(JSON.readTree("""
                {"field":"userId","buckets":[{"value":"u2","count":7},{"value":"u1","count":3}]}"""), reparsed(body));
    }

    @Test
    void aHistogramNamesItsIntervalAndRangeAndSplitsEachBucketByOutcome() throws Exception {
        ObjectNode body = HistogramHandler.body(HistogramHandler.named("1d"), Optional.of(MAY),
                List.of(new HistogramBucket(Instant.parse("2024-05-01T00:00:00Z"), 5, 3, 1)));
        assertEquals(JSON.readTree("""
                {"interval":"1d","startDate":"2024-05-01T00:00:00Z","endDate":"2024-05-31T23:59:59.999Z",
                 "buckets":[{"start":"2024-05-01T00:00:00Z","count":5,"success":3,"failure":1}]}"""), reparsed(body));
        assertEquals(JSON.readTree("""
                {"interval":"1d","buckets":[]}"""), reparsed(HistogramHandler.body(HistogramHandler.named("1d"), Optional.empty(), List.of())));
    }
}
