package io.logsearch.bench.jmh;

import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.indexer.load.DeadLetterFile;
import io.logsearch.indexer.load.LoadCounters;
import io.logsearch.indexer.load.NdjsonEventWriter;
import io.logsearch.indexer.load.Pipeline;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.Sources;
import io.logsearch.mappings.Partitioning;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Steady-state normalisation per source, as {@code normalize} runs it: the export read from memory,
 * every record normalised and written as bulk NDJSON to a discarding stream. One operation is one
 * event, so the score is events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(NormalizeBenchmark.EVENTS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class NormalizeBenchmark {

    static final int EVENTS = 20_000;

    @Param({"actionhub", "thousandeyes", "onehub", "authing"})
    public String source;

    private byte[] export;
    private Path rejected;

    @Setup
    public void generate() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportGenerator.forSource(source).write(GeneratorSpec.of(EVENTS, 30, 14), out);
        export = out.toByteArray();
        rejected = Files.createTempFile("normalize-bench-", "-rejected.ndjson");
        Files.delete(rejected);
    }

    @TearDown
    public void removeRejections() throws IOException {
        Files.deleteIfExists(rejected);
    }

    @Benchmark
    public long normalize() throws IOException {
        LoadCounters counters = new LoadCounters();
        try (DeadLetterFile deadLetter = new DeadLetterFile(rejected);
             NdjsonEventWriter writer = new NdjsonEventWriter(Partitioning.daily("bench"), OutputStream.nullOutputStream(), counters)) {
            new Pipeline(Sources.byId(source), SourceContext.EMPTY, writer, deadLetter, counters)
                    .read(ExportInput.of(source, () -> new ByteArrayInputStream(export)));
        }
        if (counters.indexed() != EVENTS) {
            throw new IllegalStateException(source + ": " + counters.indexed() + " of " + EVENTS + " generated events were written");
        }
        return counters.read();
    }
}
