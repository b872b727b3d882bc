package io.logsearch.api.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.AccessLog;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.ParamReader;
import io.logsearch.api.Problems;
import io.logsearch.api.auth.AccessControl;
import io.logsearch.api.auth.AccessDenied;
import io.logsearch.api.auth.Caller;
import io.logsearch.api.auth.Scope;
import io.logsearch.storage.BulkSettings;
import io.logsearch.storage.EventStore;
import io.logsearch.indexer.load.LoadCounters;
import io.logsearch.indexer.load.LoadSummary;
import io.logsearch.indexer.load.Loader;
import io.logsearch.indexer.load.Rejection;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.Sources;
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
 * the load's counts and the first rejections. A token limited to some organizations writes only
 * events of those organizations.
 */
public final class IngestHandler implements Handler {

    public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;
    static final int MAX_ERRORS_REPORTED = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PARAMS = Set.of("userId", "programId", "userPoolId");
    /** The context parameters that become {@code organization.id}. */
    private static final Set<String> ORGANIZATION_PARAMS = Set.of("programId", "userPoolId");
    private static final BulkSettings SETTINGS = BulkSettings.DEFAULTS.withMaxRetryWait(Duration.ofSeconds(10));

    private final EventStore store;
    private final long maxBodyBytes;

    public IngestHandler(EventStore store, long maxBodyBytes) {
        this.store = store;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        Caller caller = AccessControl.require(ctx, Scope.INGEST);
        Source source = source(ctx.pathParam("source"));
        ParamReader params = new ParamReader(ctx.queryParamMap());
        params.rejectUnknown(PARAMS);
        Map<String, String> context = new HashMap<>();
        params.single("userId").ifPresent(v -> context.put(SourceContext.USER_ID, v));
        params.single("programId").ifPresent(v -> context.put(SourceContext.PROGRAM_ID, v));
        params.single("userPoolId").ifPresent(v -> context.put(SourceContext.USER_POOL_ID, v));
        params.throwIfInvalid();
        for (String name : ORGANIZATION_PARAMS) {
            String organization = context.get(name);
            if (organization != null && !caller.canSee(organization)) {
                throw AccessDenied.forbidden("The token '" + caller.name() + "' may not ingest events of organization "
                        + organization + " (" + name + ").");
            }
        }
        boolean gzipped = IngestBody.gzipped(ctx.header("Content-Encoding"));
        if (ctx.req().getContentLengthLong() > maxBodyBytes) {
            throw tooLarge("The request body is larger than " + IngestBody.size(maxBodyBytes), new LoadCounters());
        }

        LoadCounters counters = new LoadCounters();
        InputStream body;
        try {
            body = IngestBody.open(ctx.bodyInputStream(), gzipped, maxBodyBytes);
        } catch (IngestBody.TooLarge e) {
            throw tooLarge(e.getMessage(), counters);
        } catch (IngestBody.TooSlow e) {
            throw tooSlow(e.getMessage(), counters);
        }
        List<Rejection> errors = new ArrayList<>();
        LoadSummary summary;
        try {
            summary = new Loader(store, SETTINGS).load(new VisibleOrganizations(source, caller), new SourceContext(context, SourceContext.Given.INGEST_PARAMETERS),
                    List.of(ExportInput.of("request body", () -> body)), rejection -> {
                        synchronized (errors) {
                            if (errors.size() < MAX_ERRORS_REPORTED) {
                                errors.add(rejection);
                            }
                        }
                    }, counters);
        } catch (IngestBody.TooLarge e) {
            throw tooLarge(e.getMessage(), counters);
        } catch (IngestBody.TooSlow e) {
            throw tooSlow(e.getMessage(), counters);
        }
        AccessLog.hits(ctx, summary.read());
        List<Rejection> first;
        synchronized (errors) {
            first = List.copyOf(errors);
        }
        if (summary.rejected() > 0 && summary.indexed() == 0 && summary.duplicates() == 0) {
            Problems.write(ctx, everyRecordRejected(summary, first), problem -> counts(problem, summary));
            return;
        }
        ObjectNode response = counts(JSON.createObjectNode(), summary);
        ArrayNode list = response.putArray("errors");
        first.forEach(r -> list.addObject().put("position", r.position()).put("reason", r.reason()));
        ctx.contentType("application/json").result(response.toString());
    }

    private static ObjectNode counts(ObjectNode body, LoadSummary summary) {
        return body.put("read", summary.read())
                .put("indexed", summary.indexed())
                .put("duplicates", summary.duplicates())
                .put("rejected", summary.rejected());
    }

    /**
     * A 422 for a body of which nothing could be kept, so a log shipper sees a failure instead of
     * a 200 it would count as delivered. Each of the first rejections is an error of its record.
     */
    private static ApiProblem everyRecordRejected(LoadSummary summary, List<Rejection> first) {
        Rejection one = first.get(0);
        return new ApiProblem(422, "Every record rejected", "All " + summary.rejected() + " records of the body were rejected and"
                + " nothing was indexed; the first, " + one.position() + ": " + one.reason(),
                first.stream().map(r -> new ApiProblem.FieldError(r.position(), r.reason())).toList());
    }

    /**
     * A 413 that says what became of the records read before the limit: they are kept, so sending
     * the export again in smaller parts counts them as duplicates.
     */
    private static ApiProblem tooLarge(String what, LoadCounters counters) {
        return new ApiProblem(413, "Content too large", what + "; split the export into several requests or load it with"
                + " 'logsearch load'. Of the " + counters.read() + " records read before the limit, " + counters.indexed()
                + " were indexed, " + counters.duplicates() + " were duplicates and " + counters.rejected() + " were rejected.",
                List.of());
    }

    /**
     * A 408 for a body that trickled in: the records complete before it was cut off are kept, as
     * for a {@link #tooLarge} body; the connection is closed, the rest of the body left unread.
     */
    private static ApiProblem tooSlow(String what, LoadCounters counters) {
        return new ApiProblem(408, "Request Timeout", what + "; send the body at once. Of the " + counters.read()
                + " records read before it was cut off, " + counters.indexed() + " were indexed, " + counters.duplicates()
                + " were duplicates and " + counters.rejected() + " were rejected.", List.of());
    }

    private static Source source(String id) {
        try {
            return Sources.byId(id);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(404, "Unknown source", e.getMessage(), List.of(new ApiProblem.FieldError("source", e.getMessage())));
        }
    }
}
