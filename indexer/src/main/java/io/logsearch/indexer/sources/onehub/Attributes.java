package io.logsearch.indexer.sources.onehub;

import java.util.Optional;

/** Attribute values of one start tag, read from the text between {@code <} and {@code >}. */
final class Attributes {

    private Attributes() {
    }

    /**
     * The decoded value of attribute {@code wanted} (case-insensitive) of a tag such as
     * {@code a href="/workspaces/4137" class=x}; quoted or unquoted values, names without values.
     */
    static Optional<String> value(String tagInside, String wanted) {
        int i = skipName(tagInside, 0);
        while (i < tagInside.length()) {
            i = skipWhitespace(tagInside, i);
            int nameStart = i;
            i = skipName(tagInside, i);
            if (i == nameStart) {
                i++;
                continue;
            }
            String name = tagInside.substring(nameStart, i);
            i = skipWhitespace(tagInside, i);
            if (i >= tagInside.length() || tagInside.charAt(i) != '=') {
                continue;
            }
            i = skipWhitespace(tagInside, i + 1);
            int valueStart;
            int valueEnd;
            if (i < tagInside.length() && (tagInside.charAt(i) == '"' || tagInside.charAt(i) == '\'')) {
                valueStart = i + 1;
                int quote = tagInside.indexOf(tagInside.charAt(i), valueStart);
                valueEnd = quote < 0 ? tagInside.length() : quote;
                i = Math.min(tagInside.length(), valueEnd + 1);
            } else {
                valueStart = i;
                while (i < tagInside.length() && !Character.isWhitespace(tagInside.charAt(i))) {
                    i++;
                }
                valueEnd = i;
            }
            if (name.equalsIgnoreCase(wanted)) {
                return Optional.of(HtmlEntities.decode(tagInside.substring(valueStart, valueEnd)));
            }
        }
        return Optional.empty();
    }

    private static int skipName(String text, int from) {
        int i = from;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "=/\"'".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
