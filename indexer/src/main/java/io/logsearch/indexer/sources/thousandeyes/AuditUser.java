package io.logsearch.indexer.sources.thousandeyes;

/**
 * The {@code user} text of a ThousandEyes audit event, {@code "Name (email)"}, split into its parts.
 * A part the text does not have is empty.
 */
record AuditUser(String fullName, String email) {

    /** Characters an email address is not taken to contain, besides its one {@code @}. */
    private static final String NOT_IN_EMAIL = " \t\n\u000B\f\r@()<>,;";

    static AuditUser parse(String text) {
        String trimmed = text.strip();
        if (isEmail(trimmed)) {
            return new AuditUser("", trimmed);
        }
        // names may hold parentheses of their own ("Jane (Ops) Doe (jane@x.com)"): the email is the last part
        int open = trimmed.lastIndexOf('(');
        if (open >= 0 && trimmed.endsWith(")")) {
            String lastPart = trimmed.substring(open + 1, trimmed.length() - 1).strip();
            if (isEmail(lastPart)) {
                return new AuditUser(trimmed.substring(0, open).strip(), lastPart);
            }
        }
        return new AuditUser(trimmed, "");
    }

    /** Text on both sides of one {@code @}, without white space, parentheses, angle brackets, commas or semicolons. */
    private static boolean isEmail(String text) {
        int at = text.indexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (i != at && NOT_IN_EMAIL.indexOf(text.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

}
