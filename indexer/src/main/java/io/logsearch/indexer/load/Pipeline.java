package io.logsearch.indexer.load;

import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.read.ExportReader;
import io.logsearch.indexer.read.Position;
import io.logsearch.indexer.sources.NormalizedEvent;
import io.logsearch.indexer.sources.RejectedRecordException;
import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.SourceRecord;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads exports of one source, normalises each record, and hands events to a sink and everything
 * else to the rejections, so that every record read is accounted for exactly once.
 */
public final class Pipeline {

    private final Source source;
    private final SourceContext context;
    private final EventSink sink;
    private final RejectionSink rejections;
    private final LoadCounters counters;

    /** Only the context keys the source's exports can carry are kept, so stray flags never change event ids. */
    public Pipeline(Source source, SourceContext context, EventSink sink, RejectionSink rejections, LoadCounters counters) {
        this.source = source;
        this.context = context.only(source.layout().contextFields().values());
        this.sink = sink;
        this.rejections = new CountedRejections(rejections, counters);
        this.counters = counters;
    }

    /**
     * Reads one input to its end. An input that breaks off (truncated gzip, I/O error) is reported
     * as one rejection at the last position reached; the records before it are kept.
     */
    public void read(ExportInput input) {
        Handler handler = new Handler(input.name());
        try (InputStream in = input.open(counters.bytesRead)) {
            ExportReader.read(in, source.layout(), context, handler);
            handler.sniffer.hint(input.name()).ifPresent(counters.hints::add);
        } catch (IOException e) {
            counters.read.incrementAndGet();
            reject(input.name(), "after " + handler.last, "cannot read further: " + e.getMessage(), "");
        }
    }

    private void reject(String file, String position, String reason, String original) {
        rejections.reject(new Rejection(source.id(), file, position, reason, original));
    }

    private final class Handler implements ExportReader.Handler {
        private final String file;
        private final SourceSniffer sniffer = new SourceSniffer(source);
        private Position last = new Position(0, 1, 1);

        Handler(String file) {
            this.file = file;
        }

        @Override
        public void record(SourceRecord record, SourceContext recordContext, Position position) {
            last = position;
            counters.read.incrementAndGet();
            sniffer.read();
            NormalizedEvent event;
            try {
                event = source.normalize(record, recordContext);
            } catch (RejectedRecordException e) {
                sniffer.rejected(record);
                reject(file, position.toString(), e.getMessage(), record.originalText());
                return;
            } catch (RuntimeException e) {
                // a normaliser defect on odd input must not stop the load: the record is kept with the cause
                reject(file, position.toString(), "could not normalise: " + e, record.originalText());
                return;
            }
            sink.write(event, new RecordOrigin(source.id(), file, position));
        }

        @Override
        public void problem(Position position, String reason, String text) {
            last = position;
            counters.read.incrementAndGet();
            reject(file, position.toString(), reason, text);
        }
    }
}
