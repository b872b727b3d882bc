package io.logsearch.storage;

import io.logsearch.storage.query.EventFilter;
import io.logsearch.storage.query.HistogramBucket;
import io.logsearch.storage.query.TimeRange;
import io.logsearch.storage.query.TopBucket;
import io.logsearch.storage.query.Visibility;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Counts over the events a filter matches. */
public interface EventAggregations {

    /** Counts per bucket of {@code interval}, split by outcome, over {@code range}. */
    List<HistogramBucket> histogram(EventFilter filter, Visibility visibility, TimeRange range, Duration interval);

    /** The earliest and latest matching timestamps, or empty when nothing matches. */
    Optional<TimeRange> extent(EventFilter filter, Visibility visibility);

    /** The most frequent values of {@code field} among matching events. */
    List<TopBucket> top(EventFilter filter, Visibility visibility, String field, int size);
}
