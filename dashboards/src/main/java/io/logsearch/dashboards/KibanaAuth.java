package io.logsearch.dashboards;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** How requests to Kibana authenticate: the {@code Authorization} header, or none. */
public record KibanaAuth(Optional<String> authorization) {

    public static final KibanaAuth NONE = new KibanaAuth(Optional.empty());

    /**
     * From {@code KIBANA_API_KEY} (the encoded key) or {@code KIBANA_USERNAME}/{@code KIBANA_PASSWORD}; neither
     * set means no authentication. A half-given or doubly-given set is refused, naming the variables.
     */
    public static KibanaAuth fromEnvironment(Map<String, String> env) {
        Optional<String> apiKey = value(env, "KIBANA_API_KEY");
        Optional<String> user = value(env, "KIBANA_USERNAME");
        Optional<String> password = value(env, "KIBANA_PASSWORD");
        if (apiKey.isPresent() && (user.isPresent() || password.isPresent())) {
            throw new IllegalArgumentException("set either KIBANA_API_KEY or KIBANA_USERNAME/KIBANA_PASSWORD, not both");
        }
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("KIBANA_USERNAME and KIBANA_PASSWORD go together; "
                    + (user.isPresent() ? "KIBANA_PASSWORD" : "KIBANA_USERNAME") + " is not set");
        }
        if (apiKey.isPresent()) {
            return new KibanaAuth(Optional.of("ApiKey " + apiKey.get()));
        }
        return user.map(u -> new KibanaAuth(Optional.of("Basic " + Base64.getEncoder()
                        .encodeToString((u + ":" + password.get()).getBytes(StandardCharsets.UTF_8)))))
                .orElse(NONE);
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty());
    }
}
