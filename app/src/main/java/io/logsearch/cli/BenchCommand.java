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
        "deep paging, histogram and top against their raw aggregations, the",
        "NDJSON export against a raw point-in-time walk, a 1-hour window over",
        "90 daily partitions, growth to 1M events and the load of a large",
        "export under -Xmx256m; prints a table and writes it as markdown.",
        "Starts its own node on free ports and stops it again; ES_URL is not",
        "used."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--events", paramLabel = "N", defaultValue = "100000", description = "Events generated per source (default ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "1g", description = "Heap of the benchmark's node (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--large-export", paramLabel = "SIZE", defaultValue = "2g", converter = OptionConverters.ByteSize.class,
            description = "Size of the export loaded under -Xmx256m, e.g. 2g or 500m; 0 leaves it out (default ${DEFAULT-VALUE}).")
    long largeExport;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "BENCHMARKS.md", description = "Markdown file written (default ${DEFAULT-VALUE}).")
    Path out;

    /** The size as it would be typed: in whole gigabytes, megabytes or bytes. */
    private String largeExportText() {
        if (largeExport > 0 && largeExport % (1L << 30) == 0) {
            return largeExport / (1L << 30) + "g";
        }
        return largeExport > 0 && largeExport % (1L << 20) == 0 ? largeExport / (1L << 20) + "m" : Long.toString(largeExport);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Benchmark benchmark;
        try {
            benchmark = new Benchmark(events, heap, largeExport, "./logsearch bench --events " + events + " --heap " + heap
                    + " --large-export " + largeExportText() + " --out " + out,
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
