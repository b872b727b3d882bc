package io.logsearch.cli;

import io.logsearch.indexer.load.BulkSettings;
import io.logsearch.indexer.load.DeadLetterFile;
import io.logsearch.indexer.load.LoadCounters;
import io.logsearch.indexer.load.LoadFailedException;
import io.logsearch.indexer.load.LoadSummary;
import io.logsearch.indexer.load.Loader;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.read.ExportInputs;
import io.logsearch.indexer.sources.Source;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "load", description = {
        "Bulk-load vendor exports into Elasticsearch.",
        "Accepts response bodies (one, concatenated, or one per line),",
        "JSON arrays or NDJSON of records, gzipped or not; files, directories (recursively), or - for stdin.",
        "Loading the same export again indexes nothing new and counts the records as duplicates."})
final class LoadCommand implements Callable<Integer> {

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
            description = "Where rejected records go, one JSON line each (default: logsearch-rejected-<UTC time>.ndjson, created only when needed).")
    Path deadLetter;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Export files, directories, or - for standard input.")
    List<String> paths;

    @Override
    public Integer call() throws IOException {
        List<ExportInput> inputs = resolve(spec, paths);
        LoadCounters counters = new LoadCounters();
        long totalBytes = inputs.stream().mapToLong(i -> i.size().orElse(0)).sum();
        try (Elasticsearch es = Elasticsearch.fromEnvironment();
             DeadLetterFile rejected = new DeadLetterFile(deadLetter != null ? deadLetter : DeadLetterFile.defaultPath(Instant.now()))) {
            LoadSummary summary;
            try (ProgressDisplay progress = new ProgressDisplay("load " + source.id(), counters, totalBytes)) {
                summary = new Loader(index.on(es.client()), BulkSettings.DEFAULTS).load(source, context.context(), inputs, rejected, counters);
            } catch (LoadFailedException e) {
                System.out.println(partialSummary(counters));
                throw e;
            }
            System.out.println(summary.line());
            return report(rejected, summary.rejected());
        }
    }

    static List<ExportInput> resolve(CommandSpec spec, List<String> paths) {
        try {
            return ExportInputs.resolve(paths);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static int report(DeadLetterFile rejected, long count) {
        if (count == 0) {
            return ExitCodes.OK;
        }
        System.err.println(count + " record(s) rejected; reasons and originals in " + rejected.path().toAbsolutePath());
        return ExitCodes.REJECTED;
    }

    private static String partialSummary(LoadCounters counters) {
        return "stopped: read=" + counters.read() + " indexed=" + counters.indexed() + " duplicates=" + counters.duplicates()
                + " rejected=" + counters.rejected() + " (run the same load again to finish; nothing is written twice)";
    }
}
