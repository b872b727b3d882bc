package io.logsearch.generator;

/** The HTML-like {@code detail} text of Onehub events, with names escaped as Rails escapes them. */
final class OnehubMarkup {

    private OnehubMarkup() {
    }

    static String subject(String name) {
        return "<subject>" + escape(name) + "</subject>";
    }

    static String predicate(String verb) {
        return "<predicate>" + verb + "</predicate>";
    }

    static String file(long workspaceId, OnehubDirectory.Item file) {
        return "the <object>" + link("/workspaces/" + workspaceId + "/files/" + file.id(), file.name()) + " File</object> "
                + "<complement>(" + file.size() + ")</complement>";
    }

    static String folder(long workspaceId, OnehubDirectory.Item folder) {
        return "the <object>" + link("/workspaces/" + workspaceId + "/folders/" + folder.id(), folder.name())
                + " Folder</object>";
    }

    static String invitee(String email, String role) {
        return "<object>" + escape(email) + "</object> <complement>(" + role + ")</complement>";
    }

    static String workspace(OnehubDirectory.Workspace workspace) {
        return "the <object>" + link("/workspaces/" + workspace.id(), workspace.name()) + " Workspace</object>";
    }

    private static String link(String href, String text) {
        return "<a href=\"" + href + "\">" + escape(text) + "</a>";
    }

    /** As Rails' {@code ERB::Util.html_escape}. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
