package io.logsearch.dashboards;

import static io.logsearch.dashboards.Json.arr;
import static io.logsearch.dashboards.Json.obj;
import static io.logsearch.dashboards.Panel.lens;
import static io.logsearch.dashboards.Visualisations.AUTHENTICATIONS_BY_COUNTRY;
import static io.logsearch.dashboards.Visualisations.CHANGES_BY_USER;
import static io.logsearch.dashboards.Visualisations.DISTINCT_USERS;
import static io.logsearch.dashboards.Visualisations.EVENTS_BY_DATASET;
import static io.logsearch.dashboards.Visualisations.EVENTS_OVER_TIME;
import static io.logsearch.dashboards.Visualisations.FAILED_AUTHENTICATIONS;
import static io.logsearch.dashboards.Visualisations.FAILURES_BY_USER;
import static io.logsearch.dashboards.Visualisations.OUTCOME_SHARE;
import static io.logsearch.dashboards.Visualisations.TOP_ACTIONS_BY_SOURCE;
import static io.logsearch.dashboards.Visualisations.TOP_CLIENT_IPS;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.mappings.AccessLogIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kibana 8.19 saved objects for one index base, as the NDJSON that {@code POST /api/saved_objects/_import}
 * takes and {@code dashboards/logsearch.ndjson} holds for the default base.
 */
public final class SavedObjects {

    public static final String DEFAULT_BASE = "logsearch-events";
    public static final String SEARCH_ID = "logsearch-audit-events";
    public static final List<String> SEARCH_COLUMNS = List.of("event.provider", "event.action", "event.outcome", "user.name",
            "user.full_name", "client.ip", "organization.id", "message");
    public static final String ACCESS_SEARCH_ID = "logsearch-access-log";
    public static final List<String> ACCESS_COLUMNS = List.of("user.name", "source.ip", "http.request.method", "url.path",
            "url.query", "http.response.status_code", "logsearch.access.hits", "event.duration", "organization.id");
    static final String CORE_MIGRATION_VERSION = "8.8.0";
    /** Index-pattern's last migration in 8.x; Kibana's own eCommerce sample data view carries an older one. */
    static final String DATA_VIEW_MIGRATION_VERSION = "8.0.0";
    /** As the saved search of elastic/integrations packages/teleport, exported by Kibana 8.14. */
    static final String SEARCH_MIGRATION_VERSION = "10.3.0";

    static final List<Dashboard> DASHBOARDS = List.of(
            new Dashboard("logsearch-overview", "logsearch — overview",
                    "Every audit event of every source: volume, outcomes, actions, clients, failures and users.", "",
                    List.of(lens(DISTINCT_USERS, 0, 0, 12, 8), lens(OUTCOME_SHARE, 12, 0, 12, 8), lens(EVENTS_BY_DATASET, 24, 0, 24, 8),
                            lens(EVENTS_OVER_TIME, 0, 8, 48, 12),
                            lens(TOP_ACTIONS_BY_SOURCE, 0, 20, 24, 14), lens(FAILED_AUTHENTICATIONS, 24, 20, 24, 14),
                            lens(TOP_CLIENT_IPS, 0, 34, 24, 14), lens(FAILURES_BY_USER, 24, 34, 24, 14),
                            Panel.search(SEARCH_ID, 0, 48, 48, 20))),
            new Dashboard("logsearch-authentication", "logsearch — authentication",
                    "Sign-in activity and failures across sources, by user, client IP and country.",
                    "event.category : \"authentication\"",
                    List.of(lens(DISTINCT_USERS, 0, 0, 12, 10), lens(OUTCOME_SHARE, 12, 0, 12, 10),
                            lens(AUTHENTICATIONS_BY_COUNTRY, 24, 0, 24, 10),
                            lens(EVENTS_OVER_TIME, 0, 10, 24, 12), lens(FAILED_AUTHENTICATIONS, 24, 10, 24, 12),
                            lens(FAILURES_BY_USER, 0, 22, 24, 14), lens(TOP_CLIENT_IPS, 24, 22, 24, 14),
                            Panel.search(SEARCH_ID, 0, 36, 48, 20))),
            new Dashboard("logsearch-administrative-changes", "logsearch — administrative changes",
                    "Identity and configuration changes: who changed what, where and when.",
                    "event.category : (\"iam\" or \"configuration\")",
                    List.of(lens(DISTINCT_USERS, 0, 0, 12, 8), lens(EVENTS_BY_DATASET, 12, 0, 36, 8),
                            lens(EVENTS_OVER_TIME, 0, 8, 48, 12),
                            lens(CHANGES_BY_USER, 0, 20, 24, 14), lens(TOP_ACTIONS_BY_SOURCE, 24, 20, 24, 14),
                            Panel.search(SEARCH_ID, 0, 34, 48, 20))));

    private SavedObjects() {
    }

    /**
     * Every object, the data views first and the dashboards last, for the partitions {@code base-*}
     * and the access log's {@code base-access-*}.
     */
    public static List<ObjectNode> forBase(String base) {
        String access = AccessLogIndex.partitioning(base).base();
        List<ObjectNode> objects = new ArrayList<>();
        objects.add(dataView(base, base + "-*,-" + access + "-*", "event.original"));
        objects.add(dataView(access, access + "-*", "user_agent.original"));
        objects.add(auditEvents(base));
        objects.add(accessLog(access));
        Visualisations.ALL.forEach(lens -> objects.add(lens.savedObject(base)));
        DASHBOARDS.forEach(dashboard -> objects.add(dashboard.savedObject(base)));
        return objects;
    }

    /** One compact object per line, keys sorted, each line ending in a newline. */
    public static String ndjson(String base) {
        StringBuilder out = new StringBuilder();
        forBase(base).forEach(object -> out.append(Json.text(object)).append('\n'));
        return out.toString();
    }

    /**
     * A data view: its id is the base, so another base's objects never replace this one's. The
     * events' pattern leaves out the access log's partitions, which {@code base-*} also matches.
     */
    private static ObjectNode dataView(String base, String pattern, String hidden) {
        return obj("attributes", obj("fieldAttrs", "{}", "fieldFormatMap", "{}", "fields", "[]", "name", base,
                        "runtimeFieldMap", "{}", "sourceFilters", Json.text(arr(obj("value", hidden))),
                        "timeFieldName", "@timestamp", "title", pattern, "typeMeta", "{}"),
                "coreMigrationVersion", CORE_MIGRATION_VERSION,
                "id", base,
                "managed", false,
                "references", arr(),
                "type", "index-pattern",
                "typeMigrationVersion", DATA_VIEW_MIGRATION_VERSION);
    }

    private static ObjectNode auditEvents(String base) {
        return search(SEARCH_ID, "Audit events", "Audit events of every source, newest first.", SEARCH_COLUMNS, base);
    }

    private static ObjectNode accessLog(String accessBase) {
        return search(ACCESS_SEARCH_ID, "Access log", "Who asked logsearch what: every API request, newest first.", ACCESS_COLUMNS,
                accessBase);
    }

    private static ObjectNode search(String id, String title, String description, List<String> columns, String dataView) {
        String indexRef = "kibanaSavedObjectMeta.searchSourceJSON.index";
        return obj("attributes", obj("columns", arr(columns), "description", description,
                        "grid", obj(), "hideChart", false, "isTextBasedQuery", false,
                        "kibanaSavedObjectMeta", obj("searchSourceJSON", Json.text(obj("filter", arr(), "indexRefName", indexRef,
                                "query", obj("language", "kuery", "query", "")))),
                        "sort", arr(arr("@timestamp", "desc")), "timeRestore", false, "title", title),
                "coreMigrationVersion", CORE_MIGRATION_VERSION,
                "id", id,
                "managed", false,
                "references", arr(obj("id", dataView, "name", indexRef, "type", "index-pattern")),
                "type", "search",
                "typeMigrationVersion", SEARCH_MIGRATION_VERSION);
    }
}
