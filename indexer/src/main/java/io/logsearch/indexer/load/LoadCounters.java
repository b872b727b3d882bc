package io.logsearch.indexer.load;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Running totals of one load, readable at any time for progress display. */
public final class LoadCounters {

    final AtomicLong read = new AtomicLong();
    final AtomicLong indexed = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final ConcurrentLinkedQueue<String> hints = new ConcurrentLinkedQueue<>();

    public long read() {
        return read.get();
    }

    public long indexed() {
        return indexed.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long rejected() {
        return rejected.get();
    }

    /** Raw (possibly compressed) bytes read from the inputs so far. */
    public long bytesRead() {
        return bytesRead.get();
    }

    /** Bulk requests re-sent because Elasticsearch pushed back or could not be reached. */
    public long retries() {
        return retries.get();
    }

    /** Hints about the inputs read so far, one per input, e.g. that they look like another source's exports. */
    public List<String> hints() {
        return List.copyOf(hints);
    }
}
