package io.logsearch.elasticsearch;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.util.List;
import java.util.Optional;

/**
 * A bulk request given up on, because its failure will not pass or the retry budget is spent, with
 * the final answers Elasticsearch gave for the operations it did settle (in request order, empty
 * where an operation never got one), so that they are still counted.
 */
final class BulkGaveUpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Optional<BulkResponseItem>> settled;

    BulkGaveUpException(String message, Throwable cause, List<Optional<BulkResponseItem>> settled) {
        super(message, cause);
        this.settled = List.copyOf(settled);
    }

    List<Optional<BulkResponseItem>> settled() {
        return settled;
    }
}
