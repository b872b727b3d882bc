package io.logsearch.mappings;

/** Names of the event fields that queries and aggregations address, as the index template names them. */
public final class EventFields {

    public static final String TIMESTAMP = "@timestamp";
    public static final String EVENT_ID = "event.id";
    public static final String ACTION = "event.action";
    public static final String OUTCOME = "event.outcome";
    public static final String ORIGINAL = "event.original";
    public static final String CLIENT_IP = "client.ip";
    public static final String CLIENT_IP_RANGE = "client.ip_range";
    public static final String USER_ID = "user.id";
    public static final String ORGANIZATION_ID = "organization.id";
    public static final String APP_ID = "authing.app.id";
    public static final String REQUEST_ID = "http.request.id";
    public static final String PROVIDER = "event.provider";
    public static final String CATEGORY = "event.category";
    public static final String TYPE = "event.type";
    public static final String MESSAGE = "message";

    private EventFields() {
    }
}
