package io.logsearch.cli;

import io.logsearch.indexer.load.LoadCounters;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a load's progress on standard error: a progress bar over the input bytes on a terminal,
 * a plain line every ten seconds otherwise (logs, CI).
 */
final class ProgressDisplay implements AutoCloseable {

    private static final long MB = 1024 * 1024;

    private final LoadCounters counters;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "progress");
        t.setDaemon(true);
        return t;
    });
    private final ProgressBar bar;
    private final long started = System.nanoTime();

    ProgressDisplay(String task, LoadCounters counters, long totalBytes) {
        this.counters = counters;
        if (System.console() != null) {
            bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(totalBytes > 0 ? totalBytes : -1)
                    .setUnit(" MB", MB)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500)
                    .build();
            ticker.scheduleAtFixedRate(this::updateBar, 0, 500, TimeUnit.MILLISECONDS);
        } else {
            bar = null;
            ticker.scheduleAtFixedRate(() -> printLine(System.err), 10, 10, TimeUnit.SECONDS);
        }
    }

    private void updateBar() {
        bar.stepTo(counters.bytesRead());
        bar.setExtraMessage(String.format(Locale.ROOT, " read=%d indexed=%d dup=%d rejected=%d",
                counters.read(), counters.indexed(), counters.duplicates(), counters.rejected()));
    }

    private void printLine(PrintStream out) {
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "progress: read=%d indexed=%d duplicates=%d rejected=%d elapsed=%.0fs%n",
                counters.read(), counters.indexed(), counters.duplicates(), counters.rejected(), seconds);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        if (bar != null) {
            updateBar();
            bar.close();
        }
    }
}
