package io.logsearch.cli;

import io.logsearch.bench.BenchReport;
import io.logsearch.bench.Benchmark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "bench", description = {
        "Measure logsearch against raw Elasticsearch on a local node of its own.",
        "Generates N events per source; times normalize in-process and as",
        "the CLI, ingest (raw _bulk against load), the memory of a load",
        "process, GET /v1/events against the raw _search it issues, and",
        "deep paging; prints a table and writes it as markdown.",
        "Starts its own node on free ports and stops it again; ES_URL is not",
        "used."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--events", paramLabel = "N", defaultValue = "100000", description = "Events generated per source (default ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "1g", description = "Heap of the benchmark's node (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "BENCHMARKS.md", description = "Markdown file written (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Benchmark benchmark;
        try {
            benchmark = new Benchmark(events, heap, "./logsearch bench --events " + events + " --heap " + heap + " --out " + out,
                    System.err::println);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        // The access log would print every one of the thousands of timed requests; its warnings still show.
        System.setProperty("org.slf4j.simpleLogger.log.logsearch.access", "warn");
        BenchReport report = benchmark.run();
        System.out.print(report.table());
        Files.writeString(out, report.markdown(), StandardCharsets.UTF_8);
        System.out.println("Written to " + out);
        return ExitCodes.OK;
    }
}
