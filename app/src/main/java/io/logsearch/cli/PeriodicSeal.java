package io.logsearch.cli;

import io.logsearch.integrity.Sealer;
import io.logsearch.storage.EventStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Seals an index base every {@code interval} on one background thread, for {@code serve}. A seal
 * that fails or refuses a partition is reported on stderr, and the next one runs all the same.
 */
final class PeriodicSeal implements AutoCloseable {

    private final Sealer sealer;
    private final Path workDir;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "seal");
        thread.setDaemon(true);
        return thread;
    });

    /** The default period of {@code serve}'s seal. */
    static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

    /** Refuses a seal interval without sealing; run before anything else is started. */
    static void checkOptions(SealOptions options, Optional<Duration> interval) {
        if (!options.enabled() && interval.isPresent()) {
            throw new UsageException("--seal-interval needs --seal-keys and --digest-dir");
        }
    }

    /** Seals {@code store} every {@code interval} (default {@link #DEFAULT_INTERVAL}) when sealing is on. */
    static Optional<PeriodicSeal> start(SealOptions options, EventStore store, Optional<Duration> interval) throws IOException {
        if (!options.enabled()) {
            return Optional.empty();
        }
        Path work = SealOptions.workDir();
        return Optional.of(new PeriodicSeal(options.sealer(store, work).orElseThrow(), work, interval.orElse(DEFAULT_INTERVAL)));
    }

    private PeriodicSeal(Sealer sealer, Path workDir, Duration interval) {
        this.sealer = sealer;
        this.workDir = workDir;
        timer.scheduleWithFixedDelay(this::sealOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sealOnce() {
        try {
            Sealer.Result result = sealer.seal();
            System.out.println("seal: sealed=" + result.sealed().size() + " refused=" + result.refused().size());
            result.refused().forEach(report -> System.err.println("logsearch: seal: not sealed, " + VerifyCommand.describe(report)));
        } catch (IOException | RuntimeException e) {
            System.err.println("logsearch: seal failed, trying again in the next period: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
            Files.deleteIfExists(workDir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            System.err.println("logsearch: could not delete " + workDir + ": " + e.getMessage());
        }
    }
}
