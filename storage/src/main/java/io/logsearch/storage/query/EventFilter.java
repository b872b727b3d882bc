package io.logsearch.storage.query;

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
 * @param categories      exact {@code event.category}
 * @param types           exact {@code event.type}
 * @param conditions      further exact-match conditions, for vendor facades
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
        List<String> types,
        Optional<String> text,
        List<FieldCondition> conditions) {

    public EventFilter {
        eventTypes = List.copyOf(eventTypes);
        clientIps = List.copyOf(clientIps);
        userIds = List.copyOf(userIds);
        organizationIds = List.copyOf(organizationIds);
        appIds = List.copyOf(appIds);
        requestIds = List.copyOf(requestIds);
        sources = List.copyOf(sources);
        categories = List.copyOf(categories);
        types = List.copyOf(types);
        conditions = List.copyOf(conditions);
    }

    public EventFilter withRange(TimeRange value) {
        return new EventFilter(eventTypes, Optional.of(value), success, clientIps, userIds, organizationIds, appIds,
                requestIds, sources, categories, types, text, conditions);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a filter part by part; parts not set match everything. */
    public static final class Builder {
        private List<String> eventTypes = List.of();
        private Optional<TimeRange> range = Optional.empty();
        private Optional<Boolean> success = Optional.empty();
        private List<IpNetwork> clientIps = List.of();
        private List<String> userIds = List.of();
        private List<String> organizationIds = List.of();
        private List<String> appIds = List.of();
        private List<String> requestIds = List.of();
        private List<String> sources = List.of();
        private List<String> categories = List.of();
        private List<String> types = List.of();
        private Optional<String> text = Optional.empty();
        private final List<FieldCondition> conditions = new java.util.ArrayList<>();

        public Builder eventTypes(List<String> value) {
            eventTypes = value;
            return this;
        }

        public Builder range(Optional<TimeRange> value) {
            range = value;
            return this;
        }

        public Builder success(Optional<Boolean> value) {
            success = value;
            return this;
        }

        public Builder clientIps(List<IpNetwork> value) {
            clientIps = value;
            return this;
        }

        public Builder userIds(List<String> value) {
            userIds = value;
            return this;
        }

        public Builder organizationIds(List<String> value) {
            organizationIds = value;
            return this;
        }

        public Builder appIds(List<String> value) {
            appIds = value;
            return this;
        }

        public Builder requestIds(List<String> value) {
            requestIds = value;
            return this;
        }

        public Builder sources(List<String> value) {
            sources = value;
            return this;
        }

        public Builder categories(List<String> value) {
            categories = value;
            return this;
        }

        public Builder types(List<String> value) {
            types = value;
            return this;
        }

        public Builder text(Optional<String> value) {
            text = value;
            return this;
        }

        public Builder condition(FieldCondition value) {
            conditions.add(value);
            return this;
        }

        public EventFilter build() {
            return new EventFilter(eventTypes, range, success, clientIps, userIds, organizationIds, appIds, requestIds,
                    sources, categories, types, text, conditions);
        }
    }
}
