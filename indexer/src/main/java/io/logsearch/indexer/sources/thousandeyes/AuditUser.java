package io.logsearch.indexer.sources.thousandeyes;

import java.util.regex.Pattern;

/**
 * The {@code user} text of a ThousandEyes audit event, {@code "Name (email)"}, split into its parts.
 * A part the text does not have is empty.
 */
record AuditUser(String fullName, String email) {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@()<>,;]+@[^\\s@()<>,;]+");

    static AuditUser parse(String text) {
        String trimmed = text.strip();
        if (EMAIL.matcher(trimmed).matches()) {
            return new AuditUser("", trimmed);
        }
        // names may hold parentheses of their own ("Jane (Ops) Doe (jane@x.com)"): the email is the last part
        int open = trimmed.lastIndexOf('(');
        if (open >= 0 && trimmed.endsWith(")")) {
            String lastPart = trimmed.substring(open + 1, trimmed.length() - 1).strip();
            if (EMAIL.matcher(lastPart).matches()) {
                return new AuditUser(trimmed.substring(0, open).strip(), lastPart);
            }
        }
        return new AuditUser(trimmed, "");
    }

    /** ECS {@code user.name}: the email, which identifies the person, or else the name. */
    String name() {
        return email.isEmpty() ? fullName : email;
    }
}
