package io.logsearch.indexer.load;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.logsearch.indexer.ecs.CanonicalJson;
import io.logsearch.indexer.sources.NormalizedEvent;
import io.logsearch.mappings.PartitionNames;
import io.logsearch.mappings.Partitioning;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Writes events as Elasticsearch bulk NDJSON: a {@code create} action line, then the document. */
public final class NdjsonEventWriter implements EventSink {

    private static final JsonFactory JSON = new JsonFactory();

    private final PartitionNames partitions;
    private final LoadCounters counters;
    private final JsonGenerator out;

    public NdjsonEventWriter(Partitioning partitions, OutputStream out, LoadCounters counters) {
        this.partitions = new PartitionNames(partitions);
        this.counters = counters;
        try {
            this.out = JSON.createGenerator(out, JsonEncoding.UTF8)
                    .setRootValueSeparator(null)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(NormalizedEvent event, RecordOrigin origin) {
        try {
            out.writeStartObject();
            out.writeObjectFieldStart("create");
            out.writeStringField("_index", partitions.indexFor(event.timestamp()));
            out.writeStringField("_id", event.id());
            out.writeEndObject();
            out.writeEndObject();
            out.writeRaw('\n');
            CanonicalJson.write(event.document(), out);
            out.writeRaw('\n');
        } catch (IOException e) {
            throw new LoadFailedException("cannot write the bulk output: " + e.getMessage(), e);
        }
        counters.indexed.incrementAndGet();
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new LoadFailedException("cannot write the bulk output: " + e.getMessage(), e);
        }
    }
}
