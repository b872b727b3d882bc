package io.logsearch.indexer.sources.thousandeyes;

import java.util.List;
import java.util.regex.Pattern;

/**
 * ECS {@code event.category} and {@code event.type} of a ThousandEyes audit event, read from the
 * wording of its event text: logins and logouts are authentication {@code start}/{@code end}, a
 * second factor checked ("Two-factor authentication failed.") authentication {@code info}; refusals
 * ("Access denied.") and changes to users, credentials, roles and permissions are iam (of type
 * {@code user} for users and their credentials, {@code admin} for roles and permissions); everything
 * else (tests, reports, alert rules, …) is configuration.
 */
record Categorization(String category, List<String> types) {

    private static final Pattern LOGOUT = words("log(ged)?[ -]?out", "sign(ed)?[ -]?out");
    private static final Pattern LOGIN = words("log(ged)?[ -]?in", "sign(ed)?[ -]?in", "sso");
    private static final Pattern SECOND_FACTOR = words("two-factor", "2fa", "mfa");
    private static final Pattern DENIAL = words("denied");
    private static final Pattern USER_SUBJECT = words("users?", "passwords?", "tokens?", "two-factor", "2fa", "mfa");
    private static final Pattern ADMIN_SUBJECT = words("roles?", "permissions?");

    private record ChangeType(String type, Pattern wording) {
    }

    /** The first type whose wording appears in the text wins; {@code info} when none does. */
    private static final List<ChangeType> CHANGE_TYPES = List.of(
            new ChangeType("creation", words("create[ds]?", "creation", "add(s|ed)?", "invited")),
            new ChangeType("deletion", words("delete[ds]?", "deletion", "remove[ds]?")),
            new ChangeType("change", words(
                    "update[ds]?", "change[ds]?", "edit(s|ed)?", "modif(y|ied|ies)", "enable[ds]?",
                    "disable[ds]?", "rename[ds]?", "assign(s|ed)?", "unassign(s|ed)?", "reset", "moved?",
                    "regenerate[ds]?")));

    static Categorization of(String eventText) {
        if (LOGOUT.matcher(eventText).find()) {
            return new Categorization("authentication", List.of("end"));
        }
        if (LOGIN.matcher(eventText).find()) {
            return new Categorization("authentication", List.of("start"));
        }
        String type = changeType(eventText);
        if (SECOND_FACTOR.matcher(eventText).find() && type.equals("info")) {
            return new Categorization("authentication", List.of("info"));
        }
        if (DENIAL.matcher(eventText).find()) {
            return new Categorization("iam", List.of("info"));
        }
        if (USER_SUBJECT.matcher(eventText).find()) {
            return new Categorization("iam", List.of("user", type));
        }
        if (ADMIN_SUBJECT.matcher(eventText).find()) {
            return new Categorization("iam", List.of("admin", type));
        }
        return new Categorization("configuration", List.of(type));
    }

    private static String changeType(String eventText) {
        return CHANGE_TYPES.stream()
                .filter(change -> change.wording().matcher(eventText).find())
                .map(ChangeType::type)
                .findFirst()
                .orElse("info");
    }

    private static Pattern words(String... alternatives) {
        return Pattern.compile("\\b(" + String.join("|", alternatives) + ")\\b", Pattern.CASE_INSENSITIVE);
    }
}
