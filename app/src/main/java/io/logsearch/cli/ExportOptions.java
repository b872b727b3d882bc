package io.logsearch.cli;

import io.logsearch.indexer.load.DeadLetterFile;
import io.logsearch.indexer.load.LoadCounters;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.read.ExportInputs;
import io.logsearch.indexer.sources.Source;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** What {@code load} and {@code normalize} read: the source, its context, the exports, and where rejections go. */
final class ExportOptions {

    @Option(names = "--source", required = true, paramLabel = "SOURCE", converter = SourceOption.class,
            description = "actionhub, thousandeyes, onehub, authing or ecs.")
    Source source;

    @Mixin
    ContextOptions context;

    @Option(names = "--dead-letter", paramLabel = "FILE",
            description = "Where rejected records go, one JSON line each (default: logsearch-rejected-<UTC time>.ndjson, created only when needed).")
    Path deadLetter;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Export files, directories, or - for standard input.")
    List<String> paths;

    List<ExportInput> inputs(CommandSpec spec) {
        try {
            return ExportInputs.resolve(paths);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    DeadLetterFile deadLetterFile() {
        return new DeadLetterFile(deadLetter != null ? deadLetter : DeadLetterFile.defaultPath(Instant.now()));
    }

    /**
     * Exit status 3 and a pointer to the dead-letter file when records were rejected, after the
     * hints about the inputs (such as the source they look like).
     */
    static int report(DeadLetterFile rejected, LoadCounters counters) {
        counters.hints().forEach(System.err::println);
        long count = counters.rejected();
        if (count == 0) {
            return ExitCodes.OK;
        }
        System.err.println(count + " record(s) rejected; reasons and originals in " + rejected.path().toAbsolutePath());
        return ExitCodes.REJECTED;
    }
}
