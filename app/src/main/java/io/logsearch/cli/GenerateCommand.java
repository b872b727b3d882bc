package io.logsearch.cli;

import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "generate", description = {
        "Write a realistic synthetic export to standard output.",
        "The export is in the vendor's own response shape (NDJSON, one response body per line).",
        "The same seed gives the same export all day (UTC)."})
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "SOURCE", description = "actionhub, thousandeyes, onehub or authing.")
    String source;

    @Option(names = "--events", required = true, paramLabel = "N", description = "How many events.")
    long events;

    @Option(names = "--days", paramLabel = "D", defaultValue = "30", description = "Spread over the last D days (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", paramLabel = "X", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--until", paramLabel = "INSTANT", description = "End of the time span, ISO-8601 (default: the start of today, UTC).")
    String until;

    @Override
    public Integer call() throws IOException {
        ExportGenerator generator;
        GeneratorSpec generatorSpec;
        try {
            generator = ExportGenerator.forSource(source);
            generatorSpec = GeneratorSpec.of(events, days, seed);
            if (until != null) {
                generatorSpec = generatorSpec.withUntil(Instant.parse(until));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 256 * 1024);
        generator.write(generatorSpec, stdout);
        stdout.flush();
        return ExitCodes.OK;
    }
}
