package io.logsearch.api.query;

import java.util.List;
import java.util.Optional;

/**
 * Which events a caller wants. Every part is optional; parts combine with AND, the values of one
 * list with OR. Values are validated before they get here.
 *
 * @param eventTypes      exact {@code event.action}, case-insensitive
 * @param range           the resolved absolute time range
 * @param success         true: outcome success; false: outcome failure
 * @param clientIps       addresses or CIDR networks, matched against {@code client.ip} and {@code client.ip_range}
 * @param text            free text over {@code message}, in simple query syntax
 * @param organizationIds exact {@code organization.id}; the caller's own scope is applied separately
 */
public record EventFilter(
        List<String> eventTypes,
        Optional<TimeRange> range,
        Optional<Boolean> success,
        List<IpNetwork> clientIps,
        List<String> userIds,
        List<String> organizationIds,
        List<String> appIds,
        List<String> requestIds,
        List<String> sources,
        List<String> categories,
        Optional<String> text) {

    public static final EventFilter ALL = new EventFilter(List.of(), Optional.empty(), Optional.empty(), List.of(),
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty());

    public EventFilter {
        eventTypes = List.copyOf(eventTypes);
        clientIps = List.copyOf(clientIps);
        userIds = List.copyOf(userIds);
        organizationIds = List.copyOf(organizationIds);
        appIds = List.copyOf(appIds);
        requestIds = List.copyOf(requestIds);
        sources = List.copyOf(sources);
        categories = List.copyOf(categories);
    }

    public EventFilter withRange(TimeRange value) {
        return new EventFilter(eventTypes, Optional.of(value), success, clientIps, userIds, organizationIds, appIds,
                requestIds, sources, categories, text);
    }


}
