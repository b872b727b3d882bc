package io.logsearch.indexer.load;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.logsearch.elasticsearch.EventIndex;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
     * @throws LoadFailedException when Elasticsearch refuses the load (credentials, a bad template)
     *         or pushes back for longer than the retry budget, before or during the writes
     */
    public LoadSummary load(Source source, SourceContext context, List<ExportInput> inputs,
                            RejectionSink rejections, LoadCounters counters) {
        long start = System.nanoTime();
        ensureTemplate();
        try (BulkEventWriter writer = new BulkEventWriter(index, settings, rejections, counters)) {
            Pipeline pipeline = new Pipeline(source, context, writer, rejections, counters);
            inputs.forEach(pipeline::read);
        }
        return LoadSummary.of(counters, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Installs the template unless it is there, waiting out a cluster that is starting or pushing back. */
    private void ensureTemplate() {
        String cluster = Failures.clusterName(index.client());
        RetryBudget budget = new RetryBudget(settings.maxRetryWait());
        for (int retry = 1; ; retry++) {
            try {
                index.ensureTemplate();
                return;
            } catch (IOException | ElasticsearchException e) {
                if (!Failures.isTransient(e)) {
                    throw new LoadFailedException(cluster + " refused the index template: " + Failures.describe(e), e);
                }
                Optional<Duration> pause = budget.pauseBefore(retry);
                if (pause.isEmpty()) {
                    throw new LoadFailedException(cluster + " could not be used for " + budget.troubleSeconds()
                            + " s (the index template was tried " + retry + " times); it last answered " + Failures.describe(e), e);
                }
                sleep(pause.get());
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadFailedException("interrupted while waiting for Elasticsearch", e);
        }
    }
}
