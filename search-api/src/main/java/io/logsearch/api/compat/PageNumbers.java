package io.logsearch.api.compat;

import io.logsearch.api.ApiProblem;
import io.logsearch.api.query.EventSearch;
import java.util.List;

/**
 * Page-number paging as Onehub and Authing do it, within the results Elasticsearch can reach by
 * offset; past them the caller is told how to narrow the query instead of getting wrong pages.
 */
public final class PageNumbers {

    private PageNumbers() {
    }

    /** The offset of {@code page} (1-based), or a 400 naming {@code field} when it lies past the reachable results. */
    public static int offset(int page, int size, String field, String narrowing) {
        long offset = (long) (page - 1) * size;
        if (offset + size > EventSearch.MAX_RESULT_WINDOW) {
            throw new ApiProblem(400, "Page out of range", "Page " + page + " lies beyond the first " + EventSearch.MAX_RESULT_WINDOW
                    + " events, which is as deep as page numbers reach; narrow the query with " + narrowing + " and page again",
                    List.of(new ApiProblem.FieldError(field, "beyond the first " + EventSearch.MAX_RESULT_WINDOW + " events")));
        }
        return (int) offset;
    }
}
