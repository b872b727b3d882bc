package io.logsearch.indexer.load;

import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.storage.BulkSettings;
import io.logsearch.storage.EventStore;
import io.logsearch.storage.RetryBudget;
import io.logsearch.storage.StorageException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Loads exports of one source into the event store, installing the index template first if it is missing. */
public final class Loader {

    private final EventStore store;
    private final BulkSettings settings;

    public Loader(EventStore store, BulkSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /**
     * Loads every input in order and returns the counts.
     *
     * @throws LoadFailedException when the store refuses the load (credentials, a bad template)
     *         or pushes back for longer than the retry budget, before or during the writes
     */
    public LoadSummary load(Source source, SourceContext context, List<ExportInput> inputs,
                            RejectionSink rejections, LoadCounters counters) {
        long start = System.nanoTime();
        ensureTemplate();
        try (StoreEventWriter writer = new StoreEventWriter(store, settings, rejections, counters)) {
            Pipeline pipeline = new Pipeline(source, context, writer, rejections, counters);
            inputs.forEach(pipeline::read);
        }
        return LoadSummary.of(counters, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Installs the template unless it is there, waiting out a cluster that is starting or pushing back. */
    public void ensureTemplate() {
        String cluster = store.description();
        RetryBudget budget = new RetryBudget(settings.maxRetryWait());
        for (int retry = 1; ; retry++) {
            try {
                store.ensureTemplate();
                return;
            } catch (StorageException e) {
                if (!e.kind().mayPass()) {
                    throw LoadFailedException.of(cluster + " refused the index template: " + e.detail(), e);
                }
                Optional<Duration> pause = budget.pauseBefore(retry);
                if (pause.isEmpty()) {
                    throw new LoadFailedException(cluster + " could not be used for " + budget.troubleSeconds()
                            + " s (the index template was tried " + retry + " times); it last answered " + e.detail(), e);
                }
                sleep(pause.get());
            }
        }
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadFailedException("interrupted while waiting for " + store.description(), e);
        }
    }
}
