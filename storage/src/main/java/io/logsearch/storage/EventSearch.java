package io.logsearch.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.storage.query.EventFilter;
import io.logsearch.storage.query.EventPage;
import io.logsearch.storage.query.EventQuery;
import io.logsearch.storage.query.NumberedPage;
import io.logsearch.storage.query.Projection;
import io.logsearch.storage.query.SearchAfter;
import io.logsearch.storage.query.SortOrder;
import io.logsearch.storage.query.Visibility;
import java.util.function.Consumer;

/**
 * Event queries over the partitions of an index base: pages in a total order (newest or oldest
 * first, then by event id) continued with {@link SearchAfter}, numbered pages, and whole-result
 * walks for export. Only the partitions that overlap a query's time range are searched.
 */
public interface EventSearch {

    /** Past the first page, more hits than this are counted as "at least"; a first page counts them all. */
    int TRACK_TOTAL_UP_TO = 10_000;
    /** The results numbered pages can reach. */
    int MAX_RESULT_WINDOW = 10_000;

    /** One page, and where the next one starts when another follows; the first page's total is exact. */
    EventPage search(EventQuery query);

    /** Every matching event in order, a page at a time, so memory stays flat however many match. */
    void forEach(EventFilter filter, Visibility visibility, SortOrder order, Projection projection,
                 Consumer<ObjectNode> consumer);

    /** Like {@link #forEach}, starting after a page the caller already has. */
    void forEachAfter(EventFilter filter, Visibility visibility, SortOrder order, Projection projection,
                      SearchAfter start, Consumer<ObjectNode> consumer);

    /**
     * Page {@code offset / size} of the newest-first results with an exact total, for the vendor
     * APIs that page by number. Only the first {@link #MAX_RESULT_WINDOW} results can be reached.
     */
    NumberedPage page(EventFilter filter, Visibility visibility, int offset, int size, Projection projection);
}
