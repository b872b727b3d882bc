package io.logsearch.cli;

import io.logsearch.indexer.load.DeadLetterFile;
import io.logsearch.indexer.load.LoadCounters;
import io.logsearch.poller.CheckpointFile;
import io.logsearch.poller.CredentialRefusedException;
import io.logsearch.poller.PageFetcher;
import io.logsearch.poller.Poller;
import io.logsearch.poller.StopSignal;
import io.logsearch.storage.BulkSettings;
import io.logsearch.storage.EventStore;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code serve --poll}'s pollers, each on its own thread, polling every its interval into the
 * served store until {@link #close()}, which finishes the page in hand and saves the checkpoint.
 * A run that fails is reported and tried again after the interval; a refused credential stops its
 * poller only. {@link #report()} is their state, for {@code /health}.
 */
final class ServedPollers implements AutoCloseable {

    private final StopSignal stop = new StopSignal();
    private final List<Running> running = new ArrayList<>();
    private final Map<Path, DeadLetterFile> deadLetters = new HashMap<>();

    ServedPollers(List<PollConfig.Entry> entries, EventStore store, Clock clock) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        Map<Path, CheckpointFile> checkpoints = new HashMap<>();
        Path sharedDeadLetter = DeadLetterFile.defaultPath(clock.instant());
        for (PollConfig.Entry entry : entries) {
            PollCommand options = entry.options();
            // pollers sharing a file share its instance, whose saves and writes are serialised
            CheckpointFile checkpoint = checkpoints.computeIfAbsent(options.checkpoint().toAbsolutePath(), CheckpointFile::new);
            DeadLetterFile rejected = deadLetters.computeIfAbsent(options.deadLetterPath(sharedDeadLetter).toAbsolutePath(), DeadLetterFile::new);
            Poller poller = new Poller(entry.client(), new PageFetcher(http, options.settings(), stop, clock), store, BulkSettings.DEFAULTS,
                    checkpoint, options.settings(), stop, clock);
            running.add(new Running(entry, poller, rejected, options.interval(), clock));
        }
        running.forEach(r -> r.thread.start());
    }

    /** Every poller's state: what it is doing, its last run and its totals since the server started. */
    List<Map<String, Object>> report() {
        return running.stream().map(Running::report).toList();
    }

    @Override
    public void close() {
        stop.stop();
        for (Running r : running) {
            try {
                r.thread.join(Duration.ofMinutes(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        deadLetters.values().forEach(DeadLetterFile::close);
    }

    private final class Running implements Runnable {

        private final PollConfig.Entry entry;
        private final Poller poller;
        private final DeadLetterFile rejected;
        private final Duration interval;
        private final Clock clock;
        private final Thread thread;
        private final long[] total = new long[4];

        private String state = "starting";
        private long runs;
        private long failures;
        private Optional<LoadCounters> lastRun = Optional.empty();
        private Optional<Instant> lastStarted = Optional.empty();
        private Optional<Instant> lastEnded = Optional.empty();
        private Optional<Instant> lastSucceeded = Optional.empty();
        private Optional<Instant> nextRun = Optional.empty();
        private Optional<String> error = Optional.empty();

        Running(PollConfig.Entry entry, Poller poller, DeadLetterFile rejected, Duration interval, Clock clock) {
            this.entry = entry;
            this.poller = poller;
            this.rejected = rejected;
            this.interval = interval;
            this.clock = clock;
            this.thread = new Thread(this, "poll " + entry.name());
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (!stop.requested()) {
                LoadCounters counters = new LoadCounters();
                started(counters);
                try {
                    poller.poll(rejected, counters);
                    System.out.println("poll " + entry.name() + ": read=" + counters.read() + " indexed=" + counters.indexed()
                            + " duplicates=" + counters.duplicates() + " rejected=" + counters.rejected());
                    ended(counters, Optional.empty(), "waiting");
                } catch (CredentialRefusedException e) {
                    System.err.println("logsearch: poll " + entry.name() + ": " + e.getMessage());
                    ended(counters, Optional.of(e.getMessage()), "stopped");
                    return;
                } catch (RuntimeException e) {
                    System.err.println("logsearch: poll " + entry.name() + ": " + e.getMessage() + "; trying again in " + interval.toSeconds() + " s");
                    ended(counters, Optional.of(e.getMessage()), "retrying");
                }
                if (stop.await(interval)) {
                    break;
                }
            }
            synchronized (this) {
                state = "stopped";
                nextRun = Optional.empty();
            }
        }

        private synchronized void started(LoadCounters counters) {
            state = "polling";
            lastRun = Optional.of(counters);
            lastStarted = Optional.of(clock.instant());
            nextRun = Optional.empty();
        }

        private synchronized void ended(LoadCounters counters, Optional<String> failure, String next) {
            Instant now = clock.instant();
            runs++;
            long[] counts = {counters.read(), counters.indexed(), counters.duplicates(), counters.rejected()};
            for (int i = 0; i < total.length; i++) {
                total[i] += counts[i];
            }
            lastEnded = Optional.of(now);
            error = failure;
            if (failure.isPresent()) {
                failures++;
            } else {
                lastSucceeded = Optional.of(now);
            }
            state = next;
            nextRun = next.equals("stopped") ? Optional.empty() : Optional.of(now.plus(interval));
        }

        synchronized Map<String, Object> report() {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("name", entry.name());
            report.put("source", entry.client().source().id());
            report.put("checkpoint", entry.client().checkpointKey());
            report.put("state", state);
            report.put("runs", runs);
            report.put("failedRuns", failures);
            lastStarted.ifPresent(t -> report.put("lastRunStarted", t.toString()));
            lastEnded.ifPresent(t -> report.put("lastRunEnded", t.toString()));
            lastSucceeded.ifPresent(t -> report.put("lastSuccess", t.toString()));
            nextRun.ifPresent(t -> report.put("nextRun", t.toString()));
            error.ifPresent(message -> report.put("error", message));
            lastRun.ifPresent(counters -> report.put("lastRun",
                    counts(counters.read(), counters.indexed(), counters.duplicates(), counters.rejected())));
            report.put("total", counts(total[0], total[1], total[2], total[3]));
            if (rejected.count() > 0) {
                report.put("rejectedFile", rejected.path().toString());
            }
            return report;
        }

        private static Map<String, Long> counts(long read, long indexed, long duplicates, long rejected) {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("read", read);
            counts.put("indexed", indexed);
            counts.put("duplicates", duplicates);
            counts.put("rejected", rejected);
            return counts;
        }
    }
}
