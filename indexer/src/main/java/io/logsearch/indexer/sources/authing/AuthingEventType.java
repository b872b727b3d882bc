package io.logsearch.indexer.sources.authing;

import java.util.List;
import java.util.Locale;

/**
 * The ECS category and types of an Authing {@code eventType} such as {@code login} or
 * {@code updateProfile}. Signing in and out is authentication {@code start}/{@code end}; a second
 * factor checked on its own ({@code verifyMfa}) is authentication {@code info}, as it neither starts
 * nor ends a session. Everything else changes the user's own account, so it is iam {@code user}:
 * {@code register} creates it, the rest (profile, password, bound phone or email) change it.
 */
record AuthingEventType(String category, List<String> types) {

    private static final List<String> SIGN_INS = List.of("login", "signin");
    private static final List<String> SIGN_OUTS = List.of("logout", "signout");
    private static final List<String> SECOND_FACTORS = List.of("mfa", "otp", "2fa");
    private static final List<String> REGISTRATIONS = List.of("register", "signup");

    static AuthingEventType of(String eventType) {
        String lower = eventType.toLowerCase(Locale.ROOT);
        if (containsAny(lower, SIGN_OUTS)) {
            return new AuthingEventType("authentication", List.of("end"));
        }
        if (containsAny(lower, SIGN_INS)) {
            return new AuthingEventType("authentication", List.of("start"));
        }
        if (containsAny(lower, SECOND_FACTORS) && lower.startsWith("verify")) {
            return new AuthingEventType("authentication", List.of("info"));
        }
        if (containsAny(lower, REGISTRATIONS)) {
            return new AuthingEventType("iam", List.of("user", "creation"));
        }
        return new AuthingEventType("iam", List.of("user", iamType(lower)));
    }

    private static boolean containsAny(String text, List<String> words) {
        return words.stream().anyMatch(text::contains);
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
                || lower.startsWith("bind") || lower.startsWith("unbind") || lower.startsWith("set")
                || lower.startsWith("enable") || lower.startsWith("disable")) {
            return "change";
        }
        return "info";
    }
}
