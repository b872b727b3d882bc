package io.logsearch.bench;

import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code load} of one large ThousandEyes export (~2 GB by default) in a JVM of its own with a 256 MB heap: it ends, and at what memory. */
final class LargeExportLoad {

    static final String BASE = "bench-large";
    private static final String HEAP = "256m";

    private LargeExportLoad() {
    }

    /**
     * @param bytes         the export's size to reach
     * @param bytesPerEvent the size of a generated ThousandEyes event, from the smaller export
     */
    static void run(BenchContext bench, long bytes, double bytesPerEvent, long seed) throws IOException, InterruptedException {
        long events = (long) Math.ceil(bytes / bytesPerEvent);
        Path export = bench.work().resolve("large-thousandeyes.ndjson");
        bench.progress().accept("Generating a " + bytes / (1024 * 1024) + " MB thousandeyes export (" + events + " events)...");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(export), 256 * 1024)) {
            ExportGenerator.forSource("thousandeyes").write(GeneratorSpec.of(events, 30, seed), out);
        }
        long size = Files.size(export);
        bench.progress().accept("Loading it with -Xmx" + HEAP + "...");
        try {
            CliRun.Result run = CliRun.run(bench.work(), List.of("-Xmx" + HEAP), Map.of("ES_URL", bench.esUrl()),
                    "load", "--source", "thousandeyes", "--index", BASE, "--dead-letter", bench.work().resolve("large-rejected.ndjson").toString(),
                    export.toString());
            String what = Figure.format("load of a %,d MB export (%,d events), own JVM, -Xmx%s", size / (1024 * 1024), events, HEAP);
            bench.figures().add(Figure.held(what + ": finished, exit 0", true, Figure.format("%,.0f events/s", events / run.seconds()),
                    "no OutOfMemoryError"));
            bench.figures().add(Figure.info(what + ": peak RSS (VmHWM)",
                    run.peakRssBytes().stream().mapToObj(b -> Figure.format("%,d MB", b / (1024 * 1024))).findFirst().orElse("not measured (no /proc)")));
            bench.figures().add(Figure.info(what + ": peak heap before a collection",
                    run.peakHeapBytes().stream().mapToObj(b -> Figure.format("%,d MB", b / (1024 * 1024))).findFirst().orElse("no collection")));
        } finally {
            Files.delete(export);
            bench.deleteIndices(BASE + "-*");
        }
    }
}
