package io.logsearch.indexer.sources.thousandeyes;

import java.util.List;
import java.util.regex.Pattern;

/**
 * ECS {@code event.category} and {@code event.type} of a ThousandEyes audit event, read from the
 * wording of its event text: logins and logouts are authentication, changes to users, roles and
 * credentials are iam, everything else (tests, reports, alert rules, …) is configuration.
 */
record Categorization(String category, String type) {

    private static final Pattern LOGOUT = words("log(ged)?[ -]?out", "sign(ed)?[ -]?out");
    private static final Pattern LOGIN = words("log(ged)?[ -]?in", "sign(ed)?[ -]?in", "sso");
    private static final Pattern IAM_SUBJECT = words(
            "users?", "roles?", "permissions?", "passwords?", "tokens?", "two-factor", "mfa");

    private record ChangeType(String type, Pattern wording) {
    }

    /** The first type whose wording appears in the text wins; {@code info} when none does. */
    private static final List<ChangeType> CHANGE_TYPES = List.of(
            new ChangeType("creation", words("create[ds]?", "creation", "add(s|ed)?", "invited")),
            new ChangeType("deletion", words("delete[ds]?", "deletion", "remove[ds]?")),
            new ChangeType("change", words(
                    "update[ds]?", "change[ds]?", "edit(s|ed)?", "modif(y|ied|ies)", "enable[ds]?",
                    "disable[ds]?", "rename[ds]?", "assign(s|ed)?", "unassign(s|ed)?", "reset", "moved?")));

    static Categorization of(String eventText) {
        if (LOGOUT.matcher(eventText).find()) {
            return new Categorization("authentication", "end");
        }
        if (LOGIN.matcher(eventText).find()) {
            return new Categorization("authentication", "start");
        }
        String category = IAM_SUBJECT.matcher(eventText).find() ? "iam" : "configuration";
        String type = CHANGE_TYPES.stream()
                .filter(change -> change.wording().matcher(eventText).find())
                .map(ChangeType::type)
                .findFirst()
                .orElse("info");
        return new Categorization(category, type);
    }

    private static Pattern words(String... alternatives) {
        return Pattern.compile("\\b(" + String.join("|", alternatives) + ")\\b", Pattern.CASE_INSENSITIVE);
    }
}
