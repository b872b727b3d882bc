package io.logsearch.indexer.sources.authing;

import static io.logsearch.indexer.sources.RecordFields.requiredText;
import static io.logsearch.indexer.sources.RecordFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.indexer.ecs.CanonicalJson;
import io.logsearch.indexer.ecs.EcsEventBuilder;
import io.logsearch.indexer.ecs.IpAddresses;
import io.logsearch.indexer.ecs.Outcome;
import io.logsearch.indexer.ecs.Timestamps;
import io.logsearch.indexer.sources.ExportLayout;
import io.logsearch.indexer.sources.NormalizedEvent;
import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.SourceRecord;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Authing (GenAuth) user action logs ({@code POST /api/v3/get-user-action-logs}):
 * {@code {"statusCode", "message", "data":{"totalCount", "list":[UserActionLogDto…]}}}. The user pool
 * the logs belong to is not in the records; it comes from the context.
 */
public final class AuthingSource implements Source {

    public static final String ID = "authing";
    public static final String DATASET = "authing.user_action";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ExportLayout layout() {
        return ExportLayout.recordsAt("data", "list").withContext(Map.of("userPoolId", SourceContext.USER_POOL_ID));
    }

    @Override
    public NormalizedEvent normalize(SourceRecord sourceRecord, SourceContext context) {
        ObjectNode record = sourceRecord.fields();
        String userPoolId = context.require(SourceContext.USER_POOL_ID);
        String eventType = requiredText(record, "eventType");
        Outcome outcome = outcomeOf(record.path("success"));
        AuthingEventType type = AuthingEventType.of(eventType);
        Optional<String> userId = text(record, "userId");
        Optional<String> displayName = text(record, "userDisplayName");
        Optional<String> appName = text(record, "appName");

        EcsEventBuilder event = EcsEventBuilder.from(ID, DATASET, sourceRecord)
                .idFromContent(context)
                .timestamp(Timestamps.parse(record, "timestamp"))
                .action(eventType)
                .outcome(outcome)
                .category(type.category())
                .types(type.types())
                .message(message(displayName.or(() -> userId).orElse("unknown user"), eventType, outcome, appName))
                .set("user.id", userId.orElse(null))
                .set("user.full_name", displayName.orElse(null))
                .add("related.user", userId.orElse(null))
                .add("related.user", displayName.orElse(null))
                .set("organization.id", userPoolId)
                .set("authing.user_pool_id", userPoolId)
                .set("http.request.id", text(record, "requestId").orElse(null))
                .set("authing.app.id", text(record, "appId").orElse(null))
                .set("authing.app.name", appName.orElse(null))
                .set("authing.app.login_url", text(record, "appLoginUrl").orElse(null))
                .set("authing.app.logo", text(record, "appLogo").orElse(null))
                .set("authing.user.avatar", text(record, "userAvatar").orElse(null))
                .set("authing.event_detail", eventDetail(record.path("eventDetail")).orElse(null))
                .set("user_agent.original", text(record, "userAgent").orElse(null));
        count(record.path("userLoginsCount")).ifPresent(count -> event.set("authing.user.logins_count", count));
        text(record, "clientIp").ifPresent(ip -> clientIp(event, ip));
        geo(event, record.path("geoip"));
        parsedUserAgent(event, record.path("parsedUserAgent"));
        return event.build();
    }

    private static Outcome outcomeOf(JsonNode success) {
        String value = success.isBoolean() || success.isTextual() ? success.asText().trim().toLowerCase(Locale.ROOT) : "";
        return switch (value) {
            case "true" -> Outcome.SUCCESS;
            case "false" -> Outcome.FAILURE;
            default -> Outcome.UNKNOWN;
        };
    }

    private static String message(String who, String eventType, Outcome outcome, Optional<String> appName) {
        String result = switch (outcome) {
            case SUCCESS -> " succeeded";
            case FAILURE -> " failed";
            case UNKNOWN -> "";
        };
        return who + " " + eventType + result + appName.map(name -> " in app " + name).orElse("");
    }

    private static void clientIp(EcsEventBuilder event, String address) {
        event.set("client.address", address);
        IpAddresses.literal(address).ifPresent(ip -> event
                .set("client.ip", ip)
                .set("source.ip", ip)
                .add("related.ip", ip));
    }

    private static void geo(EcsEventBuilder event, JsonNode geoip) {
        if (!geoip.isObject()) {
            return;
        }
        Optional<Double> lat = coordinate(geoip.path("location").path("lat"), 90);
        Optional<Double> lon = coordinate(geoip.path("location").path("lon"), 180);
        if (lat.isPresent() && lon.isPresent()) {
            event.set("source.geo.location", JsonNodeFactory.instance.objectNode()
                    .put("lat", lat.get())
                    .put("lon", lon.get()));
        }
        event.set("source.geo.country_name", text(geoip, "country_name").orElse(null))
                .set("source.geo.country_iso_code", text(geoip, "country_code2").orElse(null))
                .set("source.geo.region_name", text(geoip, "region_name").orElse(null))
                .set("source.geo.region_iso_code", RegionCode.iso3166_2(
                        text(geoip, "country_code2"), text(geoip, "region_code")).orElse(null))
                .set("source.geo.city_name", text(geoip, "city_name").orElse(null))
                .set("source.geo.continent_code", text(geoip, "continent_code").orElse(null))
                .set("source.geo.timezone", text(geoip, "timezone").orElse(null));
    }

    /** A latitude or longitude, as a JSON number or numeric text, within {@code ±limit} degrees. */
    private static Optional<Double> coordinate(JsonNode value, double limit) {
        Optional<Double> degrees = Optional.empty();
        if (value.isNumber()) {
            degrees = Optional.of(value.asDouble());
        } else if (value.isTextual()) {
            try {
                degrees = Optional.of(Double.parseDouble(value.asText().trim()));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
        return degrees.filter(d -> Double.isFinite(d) && Math.abs(d) <= limit);
    }

    private static void parsedUserAgent(EcsEventBuilder event, JsonNode parsed) {
        UserAgentPart browser = UserAgentPart.of(parsed.path("browser"));
        UserAgentPart os = UserAgentPart.of(parsed.path("os"));
        event.set("user_agent.name", browser.name().orElse(null))
                .set("user_agent.version", browser.version().orElse(null))
                .set("user_agent.os.name", os.name().orElse(null))
                .set("user_agent.os.version", os.version().orElse(null))
                .set("user_agent.os.full", os.full().orElse(null))
                .set("user_agent.device.name", UserAgentPart.deviceName(parsed.path("device")).orElse(null));
    }

    /** {@code eventDetail} as text: strings as they are, objects and arrays as compact JSON. */
    private static Optional<String> eventDetail(JsonNode detail) {
        if (detail.isContainerNode()) {
            return Optional.of(CanonicalJson.compact(detail));
        }
        return detail.isValueNode() ? Optional.of(detail.asText()).filter(s -> !s.isBlank()) : Optional.empty();
    }

    private static Optional<Long> count(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Optional.of(value.asLong());
        }
        if (value.isTextual() && value.asText().trim().matches("\\d{1,18}")) {
            return Optional.of(Long.parseLong(value.asText().trim()));
        }
        return Optional.empty();
    }
}
