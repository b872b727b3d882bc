package io.logsearch.api.compat;

import io.logsearch.api.ApiProblem;
import io.logsearch.storage.EventSearch;
import io.logsearch.storage.query.EventFilter;
import io.logsearch.storage.query.NumberedPage;
import io.logsearch.storage.query.Projection;
import io.logsearch.storage.query.Visibility;
import java.util.List;
import java.util.Locale;

/**
 * Page-number paging as Onehub and Authing do it, newest first. Elasticsearch reaches only the first
 * {@link EventSearch#MAX_RESULT_WINDOW} results by offset: a page whose results all lie among them
 * is served (a last page cut short by the end of the results too), a page after the last one is
 * empty, and a page holding results beyond them is a 400 that says which, and how to narrow the
 * query, rather than a wrong page.
 */
public final class PageNumbers {

    private static final long WINDOW = EventSearch.MAX_RESULT_WINDOW;

    private PageNumbers() {
    }

    /**
     * Page {@code page} (1-based) of {@code size} original records.
     *
     * @param field     the parameter that gave the page number, named in the 400
     * @param narrowing the filters the 400 suggests, e.g. "start and end, userId"
     */
    public static NumberedPage fetch(EventSearch search, EventFilter filter, Visibility visibility, int page, int size,
                                     String field, String narrowing) {
        long offset = (long) (page - 1) * size;
        if (offset + size <= WINDOW) {
            return search.page(filter, visibility, (int) offset, size, Projection.ORIGINAL);
        }
        NumberedPage reachable = offset < WINDOW
                ? search.page(filter, visibility, (int) offset, (int) (WINDOW - offset), Projection.ORIGINAL)
                : search.page(filter, visibility, 0, 1, Projection.ORIGINAL);
        long total = reachable.total();
        if (offset >= total) {
            return new NumberedPage(List.of(), total);
        }
        if (total <= WINDOW) {
            return reachable;
        }
        long last = Math.min(offset + size, total);
        String detail = String.format(Locale.ROOT, "Page %d holds events %,d to %,d of %,d, but page numbers reach only the first %,d;"
                + " narrow the query with %s and page again", page, offset + 1, last, total, WINDOW, narrowing);
        throw new ApiProblem(400, "Page out of range", detail, List.of(new ApiProblem.FieldError(field,
                String.format(Locale.ROOT, "page %d reaches beyond the first %,d events", page, WINDOW))));
    }
}
