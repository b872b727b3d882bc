package io.logsearch.indexer.sources;

import io.logsearch.indexer.sources.actionhub.ActionHubSource;
import io.logsearch.indexer.sources.authing.AuthingSource;
import io.logsearch.indexer.sources.ecs.EcsSource;
import io.logsearch.indexer.sources.onehub.OnehubSource;
import io.logsearch.indexer.sources.thousandeyes.ThousandEyesSource;
import java.util.List;
import java.util.stream.Collectors;

/** Every source logsearch reads, by id. */
public final class Sources {

    private static final List<Source> ALL = List.of(
            new ActionHubSource(),
            new ThousandEyesSource(),
            new OnehubSource(),
            new AuthingSource(),
            new EcsSource());

    private Sources() {
    }

    public static List<Source> all() {
        return ALL;
    }

    /** The source with this id, or an error that lists the valid ids. */
    public static Source byId(String id) {
        return ALL.stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown source '" + id + "'; expected one of " + ids()));
    }

    public static String ids() {
        return ALL.stream().map(Source::id).collect(Collectors.joining(", "));
    }
}
