package io.logsearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code logsearch} command in a JVM of its own, as a user runs it: wall time with the JVM's
 * start, the process's peak resident set ({@code VmHWM}, polled from {@code /proc} while it runs),
 * and its peak heap before a collection (from its GC log).
 */
final class CliRun {

    /** What one run measured. */
    record Result(double seconds, OptionalLong peakRssBytes, OptionalLong peakHeapBytes) {
    }

    private static final Pattern HEAP_BEFORE = Pattern.compile("(\\d+)M->\\d+M\\(\\d+M\\)");
    private static final long POLL_MILLIS = 50;
    private static final long TIMEOUT_MINUTES = 30;

    private CliRun() {
    }

    /** Runs {@code logsearch args…} with stdout discarded; fails with its stderr unless it exits 0. */
    static Result run(Path work, List<String> jvmOptions, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        Path gcLog = Files.createTempFile(work, "gc-", ".log");
        Path stderr = Files.createTempFile(work, "stderr-", ".txt");
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Xlog:gc:file=" + gcLog);
        List<String> command = command(options, args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peakRss = -1;
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                peakRss = Math.max(peakRss, vmHwm(status));
                if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES)) {
                    throw new IOException(String.join(" ", args) + " did not finish within " + TIMEOUT_MINUTES + " minutes");
                }
            }
        } finally {
            process.destroyForcibly();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            throw new IOException("logsearch " + String.join(" ", args) + " exited " + process.exitValue() + ": " + Files.readString(stderr));
        }
        return new Result(seconds, peakRss > 0 ? OptionalLong.of(peakRss) : OptionalLong.empty(), peakHeap(gcLog));
    }

    /** A long-running command (e.g. {@code serve}), started in a JVM of its own, until closed. */
    static final class Running implements AutoCloseable {

        private final Process process;
        private final Path stderr;

        private Running(Process process, Path stderr) {
            this.process = process;
            this.stderr = stderr;
        }

        /** Its resident set's high-water mark so far; empty where there is no /proc. */
        OptionalLong peakRssBytes() {
            long peak = vmHwm(Path.of("/proc", Long.toString(process.pid()), "status"));
            return peak > 0 ? OptionalLong.of(peak) : OptionalLong.empty();
        }

        /** Fails with its stderr when it has ended. */
        void requireAlive() throws IOException {
            if (!process.isAlive()) {
                throw new IOException("the command ended with exit status " + process.exitValue() + ": " + Files.readString(stderr));
            }
        }

        /** Stops it with SIGTERM, and SIGKILL when it has not ended a minute later or the wait is interrupted. */
        @Override
        public void close() {
            process.destroy();
            try {
                if (process.waitFor(1, TimeUnit.MINUTES)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
    }

    /** Starts {@code logsearch args…} with stdout discarded, and returns at once. */
    static Running start(Path work, List<String> jvmOptions, Map<String, String> environment, String... args) throws IOException {
        Path stderr = Files.createTempFile(work, "stderr-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command(jvmOptions, args)).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        return new Running(builder.start(), stderr);
    }

    private static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.logsearch.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }

    /** VmHWM in bytes, or -1 once the process is gone (or where there is no /proc). */
    private static long vmHwm(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            // the process ended between two polls: its last reading stands
            return -1;
        }
        return -1;
    }

    private static OptionalLong peakHeap(Path gcLog) throws IOException {
        long peak = -1;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = HEAP_BEFORE.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(1)));
            }
        }
        return peak > 0 ? OptionalLong.of(peak * 1024 * 1024) : OptionalLong.empty();
    }
}
