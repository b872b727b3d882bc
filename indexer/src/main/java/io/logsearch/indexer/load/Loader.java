package io.logsearch.indexer.load;

import io.logsearch.elasticsearch.EventIndex;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Loads exports of one source into Elasticsearch, installing the index template first if it is missing. */
public final class Loader {

    private final EventIndex index;
    private final BulkSettings settings;

    public Loader(EventIndex index, BulkSettings settings) {
        this.index = index;
        this.settings = settings;
    }

    /**
     * Loads every input in order and returns the counts.
     *
     * @throws LoadFailedException when Elasticsearch stops accepting writes past the retry budget
     * @throws IOException when the index template cannot be checked or installed
     */
    public LoadSummary load(Source source, SourceContext context, List<ExportInput> inputs,
                            RejectionSink rejections, LoadCounters counters) throws IOException {
        long start = System.nanoTime();
        index.ensureTemplate();
        try (BulkEventWriter writer = new BulkEventWriter(index, settings, rejections, counters)) {
            Pipeline pipeline = new Pipeline(source, context, writer, rejections, counters);
            inputs.forEach(pipeline::read);
        }
        return LoadSummary.of(counters, Duration.ofNanos(System.nanoTime() - start));
    }
}
