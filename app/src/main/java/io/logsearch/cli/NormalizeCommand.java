package io.logsearch.cli;

import io.logsearch.indexer.load.DeadLetterFile;
import io.logsearch.indexer.load.LoadCounters;
import io.logsearch.indexer.load.NdjsonEventWriter;
import io.logsearch.indexer.load.Pipeline;
import io.logsearch.indexer.read.ExportInput;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "normalize", description = {
        "Write exports as Elasticsearch bulk NDJSON to standard output.",
        "Each record becomes a create action (with _index and _id) followed by its ECS document.",
        "Needs no Elasticsearch; the summary goes to standard error."})
final class NormalizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    IndexOptions index;

    @Mixin
    ExportOptions export;

    @Override
    public Integer call() {
        List<ExportInput> inputs = export.inputs(spec);
        LoadCounters counters = new LoadCounters();
        long start = System.nanoTime();
        OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 256 * 1024);
        try (DeadLetterFile rejected = export.deadLetterFile()) {
            try (NdjsonEventWriter writer = new NdjsonEventWriter(index.partitioning(), stdout, counters)) {
                Pipeline pipeline = new Pipeline(export.source, export.context.context(), writer, rejected, counters);
                inputs.forEach(pipeline::read);
            }
            double seconds = Duration.ofNanos(System.nanoTime() - start).toNanos() / 1e9;
            System.err.printf(Locale.ROOT, "read=%d written=%d rejected=%d elapsed=%.1fs rate=%.0f/s%n",
                    counters.read(), counters.indexed(), counters.rejected(), seconds, seconds > 0 ? counters.read() / seconds : 0);
            return ExportOptions.report(rejected, counters);
        }
    }
}
