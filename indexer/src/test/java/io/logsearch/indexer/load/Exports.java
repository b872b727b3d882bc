package io.logsearch.indexer.load;

import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.sources.NormalizedEvent;
import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test exports: generated in the vendor's shape, and normalised in memory for expected counts. */
final class Exports {

    static final Instant UNTIL = Instant.parse("2026-06-01T00:00:00Z");

    private Exports() {
    }

    static Path generate(Path dir, String source, long events, long seed) throws IOException {
        return generate(dir, source, events, 30, seed);
    }

    /** Events over the last {@code days} days before {@link #UNTIL}: fewer days, fewer partitions to create. */
    static Path generate(Path dir, String source, long events, int days, long seed) throws IOException {
        Path file = dir.resolve(source + "-" + events + "-" + days + "-" + seed + ".ndjson");
        try (OutputStream out = Files.newOutputStream(file)) {
            ExportGenerator.forSource(source).write(new GeneratorSpec(events, days, seed, UNTIL), out);
        }
        return file;
    }

    /** What a load of {@code file} must produce, computed without Elasticsearch. */
    static List<NormalizedEvent> normalize(Source source, Path file) throws IOException {
        List<NormalizedEvent> events = new ArrayList<>();
        EventSink collect = new EventSink() {
            @Override
            public void write(NormalizedEvent event, RecordOrigin origin) {
                events.add(event);
            }

            @Override
            public void close() {
            }
        };
        List<Rejection> rejections = new ArrayList<>();
        new Pipeline(source, SourceContext.EMPTY, collect, rejections::add, new LoadCounters()).read(ExportInput.file(file));
        if (!rejections.isEmpty()) {
            throw new AssertionError("generated export has rejections: " + rejections.subList(0, Math.min(3, rejections.size())));
        }
        return events;
    }
}
