package io.logsearch.indexer.sources.authing;

import java.util.List;
import java.util.Locale;

/** The ECS category and type of an Authing {@code eventType} such as {@code login} or {@code updateProfile}. */
record AuthingEventType(String category, String type) {

    private static final List<String> AUTHENTICATION_WORDS =
            List.of("login", "logout", "signin", "signout", "signup", "register", "mfa", "sso");
    private static final List<String> SESSION_ENDS = List.of("logout", "signout");

    static AuthingEventType of(String eventType) {
        String lower = eventType.toLowerCase(Locale.ROOT);
        if (AUTHENTICATION_WORDS.stream().anyMatch(lower::contains)) {
            return new AuthingEventType("authentication", authenticationType(lower));
        }
        return new AuthingEventType("iam", iamType(lower));
    }

    private static String authenticationType(String lower) {
        if (SESSION_ENDS.stream().anyMatch(lower::contains)) {
            return "end";
        }
        return lower.contains("login") || lower.contains("signin") ? "start" : "info";
    }

    /** Authing event types are camelCase with the verb first: {@code createUser}, {@code deleteUser}. */
    private static String iamType(String lower) {
        if (lower.startsWith("create") || lower.startsWith("add")) {
            return "creation";
        }
        if (lower.startsWith("delete") || lower.startsWith("remove")) {
            return "deletion";
        }
        if (lower.startsWith("update") || lower.startsWith("change") || lower.startsWith("reset")
                || lower.startsWith("bind") || lower.startsWith("unbind") || lower.startsWith("set")) {
            return "change";
        }
        return "info";
    }
}
