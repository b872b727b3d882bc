package io.logsearch.api;

import io.javalin.config.JavalinState;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.plugin.Plugin;
import io.logsearch.api.access.AccessEvent;
import io.logsearch.api.access.AccessRecorder;
import io.logsearch.api.auth.AccessControl;
import io.logsearch.api.auth.Scope;
import io.logsearch.api.compat.CompatRoutes;
import io.logsearch.api.events.Cursors;
import io.logsearch.api.events.EventsHandler;
import io.logsearch.api.events.ExportHandler;
import io.logsearch.api.events.HistogramHandler;
import io.logsearch.api.events.TopHandler;
import io.logsearch.api.health.HealthHandler;
import io.logsearch.api.ingest.IngestHandler;
import io.logsearch.api.integrity.IntegrityHandler;
import io.logsearch.api.web.OpenApiDocument;
import io.logsearch.api.web.WebAsset;
import io.logsearch.api.web.WebPage;
import io.logsearch.storage.EventSearch;
import io.logsearch.storage.EventStore;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logsearch HTTP API as a Javalin 7 plugin:
 * {@code config.registerPlugin(new LogSearchPlugin(cfg -> cfg.store = ...))}. Its routes live
 * under {@code cfg.pathPrefix}; with tokens configured, every route but {@code /health}, the web
 * page and the OpenAPI document needs a bearer token. Its errors are {@code application/problem+json}
 * (the vendor facades' in their vendor's style) without touching the host app's own routes or
 * exception mappings.
 */
public final class LogSearchPlugin extends Plugin<LogSearchConfig> {

    private static final Logger LOG = LoggerFactory.getLogger(LogSearchPlugin.class);

    public LogSearchPlugin(Consumer<LogSearchConfig> userConfig) {
        super(userConfig, new LogSearchConfig());
    }

    @Override
    public void onStart(JavalinState state) {
        if (pluginConfig.store == null) {
            throw new IllegalStateException("LogSearchPlugin needs an EventStore: set cfg.store");
        }
        String prefix = pluginConfig.prefix();
        byte[] secret = pluginConfig.cursorSecret.orElseGet(() -> {
            LOG.warn("no cursor secret configured: paging cursors will stop working when this process restarts"
                    + " (set LOGSEARCH_CURSOR_SECRET or --cursor-secret-file)");
            return LogSearchConfig.randomSecret();
        });
        AccessControl access = new AccessControl(pluginConfig.tokens);
        EventStore store = pluginConfig.store;
        EventSearch search = store.search();
        Cursors cursors = new Cursors(secret);
        EventStore accessStore = store.accessLog();
        Optional<AccessRecorder> accessLog = accessLog(state, prefix, accessStore);

        get(state, prefix + "/v1/events", secured(access, new EventsHandler(search, cursors, Scope.SEARCH)));
        get(state, prefix + "/v1/access", secured(access, new EventsHandler(accessStore.search(), cursors, Scope.AUDIT)));
        get(state, prefix + "/v1/events/histogram", secured(access, new HistogramHandler(store.aggregations())));
        get(state, prefix + "/v1/events/top", secured(access, new TopHandler(store.aggregations())));
        get(state, prefix + "/v1/events/export", secured(access, new ExportHandler(search, store.base())));
        state.routes.post(prefix + "/v1/ingest/{source}", secured(access, new IngestHandler(store, pluginConfig.maxIngestBytes)));
        get(state, prefix + "/v1/integrity", secured(access, new IntegrityHandler(pluginConfig.integrity)));
        Map<String, Handler> facades = CompatRoutes.register(state, prefix, access, search, cursors, secret);
        get(state, prefix + "/health", ProblemBoundary.guard(new HealthHandler(store.partitionAdmin(), accessLog, pluginConfig.health)));
        get(state, prefix + "/openapi.yaml", ProblemBoundary.guard(new OpenApiDocument()));
        get(state, prefix + "/", ProblemBoundary.guard(new WebPage(prefix)));
        WebAsset.NAMES.forEach(name -> get(state, prefix + "/ui/" + name, ProblemBoundary.guard(new WebAsset(name))));
        ProblemBoundary.answerUnmatched(state, path -> owns(prefix, path), facades);
    }

    /** Records every request under {@code /v1} and {@code /compat} in the access log, written until the server stops. */
    private Optional<AccessRecorder> accessLog(JavalinState state, String prefix, EventStore accessStore) {
        if (!pluginConfig.accessLog) {
            return Optional.empty();
        }
        AccessRecorder recorder = new AccessRecorder(accessStore, pluginConfig.accessLogCapacity);
        state.requestLogger.http((ctx, millis) -> {
            if (recorded(prefix, ctx.path())) {
                recorder.record(AccessEvent.of(ctx, millis));
            }
        });
        state.events.serverStopped(recorder::close);
        return Optional.of(recorder);
    }

    /** The API's requests: its data under {@code /v1} and the vendor facades, not health checks, the web page or its files. */
    static boolean recorded(String prefix, String path) {
        String own = path.startsWith(prefix) ? path.substring(prefix.length()) : "";
        return own.startsWith("/v1/") || own.startsWith("/compat/");
    }

    /**
     * The paths this plugin answers for when no route matches: everything under its prefix, or at
     * the root its own namespaces, so a host app's other paths keep the host's 404s.
     */
    static boolean owns(String prefix, String path) {
        if (!prefix.isEmpty()) {
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
        return path.equals("/") || path.equals("/health") || path.equals("/openapi.yaml")
                || path.equals("/v1") || path.startsWith("/v1/") || path.equals("/compat") || path.startsWith("/compat/");
    }

    /**
     * Routes GET and HEAD on {@code path} to {@code handler}: Javalin would answer a HEAD itself, 200
     * without running the handler, so a HEAD of {@code /health} said healthy while its GET said 503
     * and a HEAD of {@code /v1/events} without a token was a 200. The server leaves out a HEAD's body.
     */
    private static void get(JavalinState state, String path, Handler handler) {
        state.routes.addHttpHandler(HandlerType.GET, path, handler);
        state.routes.addHttpHandler(HandlerType.HEAD, path, handler);
    }

    private static Handler secured(AccessControl access, Handler handler) {
        return ProblemBoundary.guard(ctx -> {
            access.authenticate(ctx);
            handler.handle(ctx);
        });
    }
}
