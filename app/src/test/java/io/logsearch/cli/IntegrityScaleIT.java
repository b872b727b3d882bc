package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.integrity.SigningKeys;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A million generated events (another number with {@code -Dintegrity.events=N}), loaded into the
 * test Elasticsearch, are sealed and verified by {@code seal} and {@code verify} running with a 256 MB heap; prints their throughput
 * and peak resident memory (VmHWM). {@code -Dintegrity.days=D} changes the days (partitions) they
 * spread over.
 */
@Tag("extended")
@ExtendWith(RealElasticsearch.class)
class IntegrityScaleIT {

    private static final long EVENTS = Long.getLong("integrity.events", 1_000_000);
    private static final int DAYS = Integer.getInteger("integrity.days", 4);
    private static final Pattern HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");

    @TempDir
    Path dir;

    private record Run(String output, double seconds, long peakKb) {
    }

    @Test
    void aMillionEventsAreSealedAndVerifiedWithA256MbHeap(TestElasticsearch es) throws Exception {
        Path export = dir.resolve("authing.ndjson");
        try (OutputStream out = Files.newOutputStream(export)) {
            ExportGenerator.forSource("authing").write(new GeneratorSpec(EVENTS, DAYS, 16, Instant.parse("2026-11-05T00:00:00Z")), out);
        }
        SigningKeys.write(SigningKeys.generate(), dir.resolve("keys"));
        String digests = dir.resolve("digests").toString();
        String base = es.indexBase();
        Run load = run(Map.of("ES_URL", es.url()), 40, "load", "--source", "authing", "--index", base, export.toString());
        Files.delete(export);
        Map<String, String> small = Map.of("ES_URL", es.url(), "LOGSEARCH_JAVA_OPTS", "-Xmx256m");
        Run seal = run(small, 30, "seal", "--index", base, "--digest-dir", digests, "--keys", dir.resolve("keys").toString());
        assertTrue(seal.output().contains("refused=0"), seal.output());
        long sealed = Pattern.compile(": (\\d+) events, root").matcher(seal.output()).results()
                .mapToLong(m -> Long.parseLong(m.group(1))).sum();
        long partitions = Pattern.compile(": (\\d+) events, root").matcher(seal.output()).results().count();
        Run verify = run(small, 30, "verify", "--index", base, "--digest-dir", digests,
                "--public-key", dir.resolve("keys").resolve(SigningKeys.PUBLIC_KEY_FILE).toString());
        assertTrue(verify.output().endsWith("intact\n"), verify.output());
        System.out.printf("integrity at scale: %,d events in %d partition(s); load %.0f s; seal %.1f s (%,.0f events/s, VmHWM %,d MB);"
                        + " verify %.1f s (%,.0f events/s, VmHWM %,d MB); -Xmx256m%n",
                sealed, partitions, load.seconds(), seal.seconds(), sealed / seal.seconds(), seal.peakKb() / 1024,
                verify.seconds(), sealed / verify.seconds(), verify.peakKb() / 1024);
    }

    /** Runs the CLI to its end, sampling the peak resident memory of its JVM (the launcher execs java in the same process). */
    private Run run(Map<String, String> env, int minutes, String... args) throws Exception {
        Path output = dir.resolve(args[0] + ".txt");
        long start = System.nanoTime();
        Process process = Launcher.start(env, output, args);
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peak = 0;
        long deadline = start + TimeUnit.MINUTES.toNanos(minutes);
        while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError(args[0] + " did not finish within " + minutes + " minutes: " + Files.readString(output));
            }
            try {
                Matcher m = HWM.matcher(Files.readString(status));
                if (m.find()) {
                    peak = Math.max(peak, Long.parseLong(m.group(1)));
                }
            } catch (java.io.IOException exited) {
                break;
            }
        }
        assertTrue(process.waitFor(1, TimeUnit.MINUTES));
        double seconds = (System.nanoTime() - start) / 1e9;
        String text = Files.readString(output);
        assertEquals(0, process.exitValue(), text);
        return new Run(text, seconds, peak);
    }
}
