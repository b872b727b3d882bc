package io.logsearch.storage.query;

import java.util.Optional;

/**
 * One page request, already validated.
 *
 * @param size            events per page, 1 to 1000
 * @param after           the end of the previous page, when this is not the first
 * @param projection      which part of each document to return
 */
public record EventQuery(EventFilter filter, Visibility visibility, int size, SortOrder order,
                         Optional<SearchAfter> after, Projection projection) {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;

    public EventQuery {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
    }
}
