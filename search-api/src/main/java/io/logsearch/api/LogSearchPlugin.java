package io.logsearch.api;

import io.javalin.config.JavalinState;
import io.javalin.plugin.Plugin;
import io.logsearch.api.events.EventsHandler;
import io.logsearch.api.health.HealthHandler;
import io.logsearch.api.query.EventSearch;
import io.logsearch.api.web.WebPage;
import java.util.function.Consumer;

/**
 * The logsearch HTTP API as a Javalin 7 plugin:
 * {@code config.registerPlugin(new LogSearchPlugin(cfg -> cfg.index = ...))}.
 */
public final class LogSearchPlugin extends Plugin<LogSearchConfig> {

    public LogSearchPlugin(Consumer<LogSearchConfig> userConfig) {
        super(userConfig, new LogSearchConfig());
    }

    @Override
    public void onStart(JavalinState state) {
        if (pluginConfig.index == null) {
            throw new IllegalStateException("LogSearchPlugin needs an EventIndex: set cfg.index");
        }
        String prefix = pluginConfig.prefix();
        EventSearch search = new EventSearch(pluginConfig.index);
        state.routes.exception(ApiProblem.class, (problem, ctx) -> Problems.write(ctx, problem));
        state.routes.get(prefix + "/v1/events", new EventsHandler(search));
        state.routes.get(prefix + "/health", new HealthHandler(pluginConfig.index));
        state.routes.get(prefix + "/", new WebPage(prefix));
    }
}
