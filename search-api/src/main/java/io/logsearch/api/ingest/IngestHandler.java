package io.logsearch.api.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.ParamReader;
import io.logsearch.api.StorageErrors;
import io.logsearch.api.auth.AccessControl;
import io.logsearch.api.auth.Scope;
import io.logsearch.elasticsearch.EventIndex;
import io.logsearch.indexer.load.BulkSettings;
import io.logsearch.indexer.load.LoadCounters;
import io.logsearch.indexer.load.LoadFailedException;
import io.logsearch.indexer.load.LoadSummary;
import io.logsearch.indexer.load.Loader;
import io.logsearch.indexer.load.Rejection;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.Sources;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v1/ingest/{source}}: the export formats of {@code logsearch load} in a request body
 * (JSON or NDJSON, gzip with {@code Content-Encoding: gzip}), streamed into Elasticsearch. Answers
 * the load's counts and the first rejections.
 */
public final class IngestHandler implements Handler {

    public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;
    static final int MAX_ERRORS_REPORTED = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PARAMS = Set.of("userId", "programId", "userPoolId");
    private static final BulkSettings SETTINGS = BulkSettings.DEFAULTS.withMaxRetryWait(Duration.ofSeconds(30));

    private final EventIndex index;
    private final long maxBodyBytes;

    public IngestHandler(EventIndex index, long maxBodyBytes) {
        this.index = index;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        AccessControl.require(ctx, Scope.INGEST);
        Source source = source(ctx.pathParam("source"));
        ParamReader params = new ParamReader(ctx.queryParamMap());
        params.rejectUnknown(PARAMS);
        Map<String, String> context = new HashMap<>();
        params.single("userId").ifPresent(v -> context.put(SourceContext.USER_ID, v));
        params.single("programId").ifPresent(v -> context.put(SourceContext.PROGRAM_ID, v));
        params.single("userPoolId").ifPresent(v -> context.put(SourceContext.USER_POOL_ID, v));
        params.throwIfInvalid();
        if (ctx.req().getContentLengthLong() > maxBodyBytes) {
            throw tooLarge();
        }

        List<Rejection> errors = new ArrayList<>();
        long[] rejectedTotal = {0};
        ExportInput body = ExportInput.of("request body", () -> new LimitedInputStream(ctx.bodyInputStream(), maxBodyBytes));
        LoadSummary summary;
        try {
            summary = new Loader(index, SETTINGS).load(source, new SourceContext(context), List.of(body), rejection -> {
                synchronized (errors) {
                    rejectedTotal[0]++;
                    if (errors.size() < MAX_ERRORS_REPORTED) {
                        errors.add(rejection);
                    }
                }
            }, new LoadCounters());
        } catch (BodyTooLarge e) {
            throw tooLarge();
        } catch (LoadFailedException e) {
            throw StorageErrors.translate(e.getCause() instanceof Exception cause ? cause : e);
        }
        ObjectNode response = JSON.createObjectNode()
                .put("read", summary.read())
                .put("indexed", summary.indexed())
                .put("duplicates", summary.duplicates())
                .put("rejected", summary.rejected());
        ArrayNode list = response.putArray("errors");
        synchronized (errors) {
            errors.forEach(r -> list.addObject().put("position", r.position()).put("reason", r.reason()));
        }
        ctx.contentType("application/json").result(response.toString());
    }

    private ApiProblem tooLarge() {
        return new ApiProblem(413, "Content too large", "The request body is larger than " + maxBodyBytes / (1024 * 1024)
                + " MB; split the export into several requests or load it with 'logsearch load'.", List.of());
    }

    private static Source source(String id) {
        try {
            return Sources.byId(id);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(404, "Unknown source", e.getMessage(), List.of(new ApiProblem.FieldError("source", e.getMessage())));
        }
    }

    /**
     * Thrown when the body grows past the limit while it is being read; unchecked so that it ends
     * the load instead of being recorded as an unreadable input.
     */
    private static final class BodyTooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BodyTooLarge() {
            super("request body too large", null, false, false);
        }
    }

    /** Counts the raw body bytes as they stream in and stops at the limit. */
    private static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > limit) {
                throw new BodyTooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (count += n) > limit) {
                throw new BodyTooLarge();
            }
            return n;
        }
    }
}
