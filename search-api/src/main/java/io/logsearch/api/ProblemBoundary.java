package io.logsearch.api;

import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.util.MethodNotAllowedUtil;
import io.logsearch.api.auth.AccessDenied;
import io.logsearch.storage.FailureKind;
import io.logsearch.storage.StorageException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every error of the plugin's routes {@code application/problem+json} (the vendor facades'
 * in their vendors' {@link ErrorStyle}), whatever the host app maps: failures inside its handlers,
 * storage failures included, and requests under its paths that match no route (404, or
 * 405 with {@code Allow} when the path exists for other methods). The host's own routes and
 * exception mappings are left alone.
 */
public final class ProblemBoundary {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemBoundary.class);

    private ProblemBoundary() {
    }

    /** {@code handler}, answering each of its failures as a problem+json. */
    public static Handler guard(Handler handler) {
        return guard(handler, Problems::write);
    }

    /** {@code handler}, answering each of its failures in {@code style}, e.g. a vendor's own error shape. */
    public static Handler guard(Handler handler, ErrorStyle style) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (Exception e) {
                fail(ctx, e, style);
            }
        };
    }

    /**
     * Answers {@code failure} as a problem in {@code style}, with the headers its status needs
     * ({@code WWW-Authenticate} on 401, {@code Retry-After} on 503), or, when the response is
     * already committed, breaks it off ({@link ResponseAbort}).
     */
    static void fail(Context ctx, Exception failure, ErrorStyle style) {
        if (ctx.res().isCommitted()) {
            ResponseAbort.abort(ctx, failure);
            return;
        }
        ApiProblem problem = problem(ctx, failure);
        if (failure instanceof AccessDenied denied && denied.status() == 401) {
            ctx.header("WWW-Authenticate", denied.challenge());
        }
        if (problem.status() == 503) {
            ctx.header("Retry-After", "10");
        }
        style.write(ctx, problem);
    }

    /**
     * The problem a failure is answered with: a storage failure (or one it caused) as
     * {@link StorageProblems} says, logged with what the store answered; a 500 for anything
     * unforeseen, logged with its stack trace here only.
     */
    static ApiProblem problem(Context ctx, Exception failure) {
        if (failure instanceof ApiProblem problem) {
            return problem;
        }
        if (failure instanceof AccessDenied denied) {
            return new ApiProblem(denied.status(), denied.status() == 401 ? "Unauthorized" : "Forbidden", denied.getMessage(), List.of());
        }
        Optional<StorageException> storage = storageFailure(failure);
        if (storage.isPresent()) {
            if (storage.get().kind().mayPass()) {
                LOG.warn("{} {}: Elasticsearch unavailable or pushing back: {}", ctx.method(), ctx.path(), storage.get().detail());
            } else if (storage.get().kind() == FailureKind.UNAUTHORIZED) {
                LOG.error("{} {}: Elasticsearch refused logsearch's credentials or their privileges: {}", ctx.method(), ctx.path(), storage.get().detail());
            } else {
                LOG.error("{} {}: Elasticsearch request failed", ctx.method(), ctx.path(), failure);
            }
            return StorageProblems.of(storage.get());
        }
        if (failure instanceof HttpResponseException http) {
            return new ApiProblem(http.getStatus(), HttpStatus.forStatus(http.getStatus()).getMessage(), http.getMessage(), List.of());
        }
        LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), failure);
        return new ApiProblem(500, "Internal error", "The request could not be completed.", List.of());
    }

    /** The storage failure behind {@code failure}: itself, or the first of its causes. */
    private static Optional<StorageException> storageFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StorageException storage) {
                return Optional.of(storage);
            }
        }
        return Optional.empty();
    }

    /**
     * Registers the answer for requests that match no route on a path {@code owned} by the caller:
     * under one of the {@code subtrees}' base paths that subtree's own answer (a vendor facade's,
     * in its style), elsewhere 404, or 405 with {@code Allow} when other methods are routed there.
     * Requests a route handled, whatever their status, are not touched.
     */
    public static void answerUnmatched(JavalinState state, Predicate<String> owned, Map<String, Handler> subtrees) {
        Handler unmatched = ctx -> {
            if (ctx.endpoints().matchedHttpEndpoint() == null && owned.test(ctx.path())) {
                Optional<Handler> subtree = subtrees.entrySet().stream()
                        .filter(e -> ctx.path().equals(e.getKey()) || ctx.path().startsWith(e.getKey() + "/"))
                        .map(Map.Entry::getValue).findFirst();
                if (subtree.isPresent()) {
                    subtree.get().handle(ctx);
                } else {
                    Problems.write(ctx, unmatched(ctx, MethodNotAllowedUtil.INSTANCE.findAvailableHttpHandlerTypes(state.internalRouter,
                            ctx.path())));
                }
            }
        };
        state.routes.error(HttpStatus.NOT_FOUND, unmatched);
        state.routes.error(HttpStatus.METHOD_NOT_ALLOWED, unmatched);
    }

    private static ApiProblem unmatched(Context ctx, List<HandlerType> allowed) {
        if (allowed.isEmpty()) {
            return new ApiProblem(404, "Not found", "There is nothing at " + ctx.path() + ".", List.of());
        }
        String methods = allowed.stream().map(HandlerType::name).collect(Collectors.joining(", "));
        ctx.header("Allow", methods);
        return new ApiProblem(405, "Method not allowed", ctx.req().getMethod() + " is not allowed on " + ctx.path() + "; use " + methods + ".",
                List.of());
    }
}
