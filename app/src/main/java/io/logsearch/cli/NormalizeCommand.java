package io.logsearch.cli;

import io.logsearch.indexer.load.DeadLetterFile;
import io.logsearch.indexer.load.LoadCounters;
import io.logsearch.indexer.load.NdjsonEventWriter;
import io.logsearch.indexer.load.Pipeline;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.sources.Source;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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
    ContextOptions context;

    @Option(names = "--source", required = true, paramLabel = "SOURCE", converter = SourceOption.class,
            description = "actionhub, thousandeyes, onehub, authing or ecs.")
    Source source;

    @Option(names = "--dead-letter", paramLabel = "FILE",
            description = "Where rejected records go (default: logsearch-rejected-<UTC time>.ndjson, created only when needed).")
    Path deadLetter;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Export files, directories, or - for standard input.")
    List<String> paths;

    @Override
    public Integer call() {
        List<ExportInput> inputs = LoadCommand.resolve(spec, paths);
        LoadCounters counters = new LoadCounters();
        long start = System.nanoTime();
        OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 256 * 1024);
        try (DeadLetterFile rejected = new DeadLetterFile(deadLetter != null ? deadLetter : DeadLetterFile.defaultPath(Instant.now()))) {
            try (NdjsonEventWriter writer = new NdjsonEventWriter(index.partitioning(), stdout, counters)) {
                Pipeline pipeline = new Pipeline(source, context.context(), writer, rejected, counters);
                inputs.forEach(pipeline::read);
            }
            double seconds = Duration.ofNanos(System.nanoTime() - start).toNanos() / 1e9;
            System.err.printf(Locale.ROOT, "read=%d written=%d rejected=%d elapsed=%.1fs rate=%.0f/s%n",
                    counters.read(), counters.indexed(), counters.rejected(), seconds, seconds > 0 ? counters.read() / seconds : 0);
            return LoadCommand.report(rejected, counters.rejected());
        }
    }
}
