package io.logsearch.indexer.load;

/** A load's rejection sink that also counts: counting a rejection and sinking it are one step. */
final class CountedRejections implements RejectionSink {

    private final RejectionSink sink;
    private final LoadCounters counters;

    CountedRejections(RejectionSink sink, LoadCounters counters) {
        this.sink = sink;
        this.counters = counters;
    }

    @Override
    public void reject(Rejection rejection) {
        counters.rejected.incrementAndGet();
        sink.reject(rejection);
    }
}
