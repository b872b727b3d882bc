package io.logsearch.api.compat;

import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.ErrorStyle;
import io.logsearch.api.ProblemBoundary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One vendor facade's routes under its base path, and, once they are all added, every other path
 * and method under that base answered in the vendor's own style: 404, or 405 with {@code Allow}
 * when the path is routed for other methods. Methods Javalin does not know (PROPFIND, a lowercase
 * {@code get}) match no route; {@link #answerTheRest} returns the handler for them too.
 */
final class FacadeRoutes {

    /** The methods answered for paths and methods a facade does not route: every HTTP method Javalin knows but CONNECT. */
    private static final List<HandlerType> UNROUTED = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE, HandlerType.OPTIONS, HandlerType.HEAD, HandlerType.TRACE, HandlerType.QUERY);
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}|<[^>]+>");

    private record Route(HandlerType method, Pattern path) {
    }

    private final JavalinState state;
    private final String base;
    private final Authentication authentication;
    private final ErrorStyle style;
    private final List<Route> routes = new ArrayList<>();

    FacadeRoutes(JavalinState state, String base, Authentication authentication, ErrorStyle style) {
        this.state = state;
        this.base = base;
        this.authentication = authentication;
        this.style = style;
    }

    /** Routes {@code method} on {@code path} (relative to the base) to {@code handler}, behind the facade's authentication. */
    FacadeRoutes add(HandlerType method, String path, Handler handler) {
        return add(method, path, authentication, handler);
    }

    /** As {@link #add(HandlerType, String, Handler)}, for a route with its own authentication. */
    FacadeRoutes add(HandlerType method, String path, Authentication routeAuthentication, Handler handler) {
        Handler guarded = guarded(routeAuthentication, handler);
        state.routes.addHttpHandler(method, base + path, guarded);
        routes.add(new Route(method, pattern(base + path)));
        if (method == HandlerType.GET) {
            // HEAD is GET without the body (the server leaves it out), as the vendors' servers answer it
            state.routes.addHttpHandler(HandlerType.HEAD, base + path, guarded);
            routes.add(new Route(HandlerType.HEAD, pattern(base + path)));
        }
        return this;
    }

    /**
     * Answers every unrouted path and method under the base, with the vendor's messages for a
     * request's 404 and 405; returns that answer for the requests no route can take (methods
     * outside Javalin's), which the plugin's answer for unmatched requests hands to it.
     */
    Handler answerTheRest(String notFoundTitle, Function<Context, String> notFound, Function<Context, String> notAllowed) {
        Handler rest = guarded(authentication, ctx -> {
            Set<String> allowed = allowed(ctx.path());
            if (allowed.isEmpty()) {
                throw new ApiProblem(404, notFoundTitle, notFound.apply(ctx), List.of());
            }
            ctx.header("Allow", String.join(", ", allowed));
            throw new ApiProblem(405, "Method Not Allowed", notAllowed.apply(ctx), List.of());
        });
        for (HandlerType method : UNROUTED) {
            state.routes.addHttpHandler(method, base, rest);
            state.routes.addHttpHandler(method, base + "/<rest>", rest);
        }
        return rest;
    }

    /** {@code handler} behind {@code authentication}, every failure answered in the vendor's style. */
    private Handler guarded(Authentication authentication, Handler handler) {
        return ProblemBoundary.guard(ctx -> {
            authentication.authenticate(ctx);
            handler.handle(ctx);
        }, style);
    }

    private Set<String> allowed(String path) {
        return routes.stream().filter(route -> route.path().matcher(path).matches()).map(route -> route.method().name())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Pattern pattern(String path) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(path);
        int at = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(path.substring(at, parameter.start())));
            regex.append(parameter.group().startsWith("{") ? "[^/]+" : ".+");
            at = parameter.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(path.substring(at))).toString());
    }
}
