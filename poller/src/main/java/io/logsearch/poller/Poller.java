package io.logsearch.poller;

import io.logsearch.indexer.load.LoadCounters;
import io.logsearch.indexer.load.Loader;
import io.logsearch.indexer.load.Pipeline;
import io.logsearch.indexer.load.RejectionSink;
import io.logsearch.indexer.load.StoreEventWriter;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.storage.BulkSettings;
import io.logsearch.storage.EventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Pulls one vendor source into the event store, page by page, through the same normaliser and
 * writer as {@code load}, so that events, their {@code event.original} and their ids are the same as
 * a load of the same records gives.
 *
 * <p>A run asks for the events from the checkpoint's {@code since} up to the moment it starts
 * (a fixed end, so that pages do not shift while new events arrive). After each page, once the store
 * has acknowledged every one of its events, the checkpoint records the next page; a run that is
 * stopped or killed resumes there. At the run's end the checkpoint moves to the run's end minus the
 * overlap window ({@link PollSettings#overlap()}), so the next run asks again for the last minutes:
 * events the vendor makes visible late are not missed, and those read twice are duplicates (their
 * ids are deterministic and writes never overwrite), never written twice.
 */
public final class Poller {

    private final VendorClient client;
    private final PageFetcher fetcher;
    private final EventStore store;
    private final BulkSettings bulk;
    private final CheckpointFile checkpoints;
    private final PollSettings settings;
    private final StopSignal stop;
    private final Clock clock;

    public Poller(VendorClient client, PageFetcher fetcher, EventStore store, BulkSettings bulk, CheckpointFile checkpoints,
                  PollSettings settings, StopSignal stop, Clock clock) {
        this.client = client;
        this.fetcher = fetcher;
        this.store = store;
        this.bulk = bulk;
        this.checkpoints = checkpoints;
        this.settings = settings;
        this.stop = stop;
        this.clock = clock;
    }

    /**
     * Pulls everything new: first the rest of a run that was interrupted (from its first page again
     * when its next page can no longer be fetched), then a run up to now. Returns early, with the
     * checkpoint at the next page, when stopped.
     *
     * @throws CredentialRefusedException when the vendor refuses the credential
     * @throws PollFailedException when the vendor cannot be polled
     * @throws io.logsearch.indexer.load.LoadFailedException when the store refuses or stays unavailable
     */
    public void poll(RejectionSink rejections, LoadCounters counters) {
        new Loader(store, bulk).ensureTemplate();
        Checkpoint checkpoint = checkpoints.read(client.checkpointKey()).orElse(Checkpoint.startingAt(settings.firstSince()));
        if (checkpoint.pending().isPresent()) {
            PageRequest resumed = checkpoint.pending().get();
            try {
                checkpoint = run(checkpoint, resumed, rejections, counters);
            } catch (PollFailedException e) {
                // a page the vendor no longer serves (an expired cursor, say): the interrupted run starts over
                checkpoint = run(checkpoint, client.first(resumed.span()), rejections, counters);
            }
            if (checkpoint.pending().isPresent()) {
                return;
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant since = checkpoint.since().truncatedTo(ChronoUnit.SECONDS);
        run(checkpoint, client.first(new TimeSpan(since.isAfter(now) ? now : since, now)), rejections, counters);
    }

    /** The checkpoint after the pages from {@code page} on; it is still pending when the run stopped early. */
    private Checkpoint run(Checkpoint checkpoint, PageRequest page, RejectionSink rejections, LoadCounters counters) {
        String key = client.checkpointKey();
        Optional<PageRequest> current = Optional.of(page);
        while (current.isPresent()) {
            if (stop.requested()) {
                return save(key, checkpoint.at(current.get()));
            }
            Optional<Path> body = fetcher.fetch(client, current.get());
            if (body.isEmpty()) {
                return save(key, checkpoint.at(current.get()));
            }
            try {
                Optional<PageRequest> next;
                try {
                    next = client.next(current.get(), body.get());
                } catch (UnreadablePageException e) {
                    // its readable records are kept and the damage dead-lettered, as a load does; since stays,
                    // so the next run asks again for everything after it
                    write(current.get(), body.get(), rejections, counters);
                    return save(key, Checkpoint.startingAt(checkpoint.since()));
                }
                write(current.get(), body.get(), rejections, counters);
                if (next.isPresent()) {
                    checkpoint = save(key, checkpoint.at(next.get()));
                }
                current = next;
            } finally {
                PageFetcher.delete(body.get());
            }
        }
        return save(key, checkpoint.finished(page.span(), settings.overlap()));
    }

    /** Writes one page's records and returns once the store has acknowledged each of them. */
    private void write(PageRequest page, Path body, RejectionSink rejections, LoadCounters counters) {
        String url = client.describe(page);
        try (StoreEventWriter writer = new StoreEventWriter(store, bulk, rejections, counters)) {
            new Pipeline(client.source(), client.context(page), writer, rejections, counters)
                    .read(ExportInput.of(url, () -> Files.newInputStream(body)));
        }
    }

    private Checkpoint save(String key, Checkpoint checkpoint) {
        checkpoints.save(key, checkpoint);
        return checkpoint;
    }
}
