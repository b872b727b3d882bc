package io.logsearch.dashboards;

import static io.logsearch.dashboards.Column.count;
import static io.logsearch.dashboards.Column.dateHistogram;
import static io.logsearch.dashboards.Column.filteredCount;
import static io.logsearch.dashboards.Column.terms;
import static io.logsearch.dashboards.Column.uniqueCount;
import static io.logsearch.dashboards.LensVisualisation.donut;
import static io.logsearch.dashboards.LensVisualisation.metric;
import static io.logsearch.dashboards.LensVisualisation.stackedBars;
import static io.logsearch.dashboards.LensVisualisation.table;

import java.util.List;
import java.util.Optional;

/** The Lens visualisations the dashboards are made of. */
final class Visualisations {

    static final String FAILURE = "event.outcome : \"failure\"";

    static final LensVisualisation EVENTS_OVER_TIME = overTime("logsearch-events-over-time", "Events over time by outcome",
            "Events per interval, stacked by event.outcome.", "layer-events-over-time",
            terms("outcome", "event.outcome", "string", 3, "count", false), count("count", "Events"), "");

    static final LensVisualisation FAILED_AUTHENTICATIONS = overTime("logsearch-failed-authentications",
            "Failed authentications over time", "Failed sign-ins of every source, stacked by event.provider.",
            "layer-failed-authentications", terms("provider", "event.provider", "string", 5, "count", true),
            count("count", "Failed authentications"), "event.category : \"authentication\" and " + FAILURE);

    static final LensVisualisation TOP_ACTIONS_BY_SOURCE = horizontalBars("logsearch-top-actions-by-source",
            "Top actions by source", "The most frequent event.action values, split by event.provider.", "layer-top-actions",
            terms("action", "event.action", "string", 10, "count", true),
            Optional.of(terms("provider", "event.provider", "string", 5, "count", true)));

    static final LensVisualisation EVENTS_BY_DATASET = horizontalBars("logsearch-events-by-dataset", "Events by dataset",
            "Events per event.dataset.", "layer-events-by-dataset",
            terms("dataset", "event.dataset", "string", 10, "count", true), Optional.empty());

    static final LensVisualisation AUTHENTICATIONS_BY_COUNTRY = horizontalBars("logsearch-authentications-by-country",
            "Events by country", "Events per source.geo.country_name, split by outcome (where the source reports a location).",
            "layer-by-country", terms("country", "source.geo.country_name", "string", 10, "count", true),
            Optional.of(terms("outcome", "event.outcome", "string", 3, "count", false)));

    static final LensVisualisation OUTCOME_SHARE = outcomeShare();
    static final LensVisualisation TOP_CLIENT_IPS = topClientIps();
    static final LensVisualisation FAILURES_BY_USER = failuresByUser();
    static final LensVisualisation CHANGES_BY_USER = changesByUser();
    static final LensVisualisation DISTINCT_USERS = distinctUsers();

    static final List<LensVisualisation> ALL = List.of(EVENTS_OVER_TIME, TOP_ACTIONS_BY_SOURCE, OUTCOME_SHARE, TOP_CLIENT_IPS,
            FAILURES_BY_USER, EVENTS_BY_DATASET, FAILED_AUTHENTICATIONS, DISTINCT_USERS, AUTHENTICATIONS_BY_COUNTRY,
            CHANGES_BY_USER);

    private Visualisations() {
    }

    private static LensVisualisation overTime(String id, String title, String description, String layer, Column split,
                                              Column count, String kuery) {
        Column date = dateHistogram("date");
        return new LensVisualisation(id, title, description, "lnsXY", layer, List.of(date, split, count),
                stackedBars(layer, "bar_stacked", date.id(), split.id(), count.id()), kuery);
    }

    /** Horizontal bars of {@code bucket}, stacked by {@code split} when there is one. */
    private static LensVisualisation horizontalBars(String id, String title, String description, String layer, Column bucket,
                                                    Optional<Column> split) {
        Column count = count("count", "Events");
        List<Column> columns = split.map(s -> List.of(bucket, s, count)).orElse(List.of(bucket, count));
        return new LensVisualisation(id, title, description, "lnsXY", layer, columns,
                stackedBars(layer, split.isPresent() ? "bar_horizontal_stacked" : "bar_horizontal", bucket.id(),
                        split.map(Column::id).orElse(""), count.id()), "");
    }

    private static LensVisualisation outcomeShare() {
        String layer = "layer-outcome-share";
        Column outcome = terms("outcome", "event.outcome", "string", 3, "count", false);
        Column count = count("count", "Events");
        return new LensVisualisation("logsearch-outcome-share", "Outcome share", "Share of success, failure and unknown outcomes.",
                "lnsPie", layer, List.of(outcome, count), donut(layer, outcome.id(), count.id()), "");
    }

    private static LensVisualisation topClientIps() {
        String layer = "layer-top-client-ips";
        List<Column> columns = List.of(terms("ip", "client.ip", "ip", 10, "count", false), count("count", "Events"),
                filteredCount("failures", "Failures", FAILURE));
        return new LensVisualisation("logsearch-top-client-ips", "Top client IPs", "The busiest client.ip values and their failures.",
                "lnsDatatable", layer, columns, table(layer, columns), "");
    }

    private static LensVisualisation failuresByUser() {
        String layer = "layer-failures-by-user";
        List<Column> columns = List.of(terms("user", "user.id", "string", 20, "count", false),
                terms("provider", "event.provider", "string", 5, "count", false), count("count", "Failures"));
        return new LensVisualisation("logsearch-failures-by-user", "Failures by user", "Users with the most failed events, per source.",
                "lnsDatatable", layer, columns, table(layer, columns), FAILURE);
    }

    private static LensVisualisation changesByUser() {
        String layer = "layer-changes-by-user";
        List<Column> columns = List.of(terms("user", "user.id", "string", 20, "count", false),
                terms("action", "event.action", "string", 10, "count", false),
                terms("organization", "organization.id", "string", 5, "count", false), count("count", "Events"));
        return new LensVisualisation("logsearch-changes-by-user", "Who changed what",
                "Users, the actions they took and in which organization.", "lnsDatatable", layer, columns, table(layer, columns), "");
    }

    private static LensVisualisation distinctUsers() {
        String layer = "layer-distinct-users";
        Column users = uniqueCount("users", "user.id", "Distinct users");
        return new LensVisualisation("logsearch-distinct-users", "Distinct users", "Unique count of user.id: every source names its users by id; not all of them give a login name.", "lnsMetric", layer,
                List.of(users), metric(layer, users.id()), "");
    }
}
