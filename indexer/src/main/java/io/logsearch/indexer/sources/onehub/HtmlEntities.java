package io.logsearch.indexer.sources.onehub;

import java.util.Map;
import java.util.Optional;

/** Decodes HTML character references in one pass, so {@code &amp;amp;} becomes {@code &amp;}. */
final class HtmlEntities {

    /** Longer references are not references: {@code &} plus this many characters at most before {@code ;}. */
    private static final int MAX_REFERENCE_LENGTH = 32;

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"),
            Map.entry("lt", "<"),
            Map.entry("gt", ">"),
            Map.entry("quot", "\""),
            Map.entry("apos", "'"),
            Map.entry("nbsp", "\u00a0"),
            Map.entry("copy", "\u00a9"),
            Map.entry("reg", "\u00ae"),
            Map.entry("trade", "\u2122"),
            Map.entry("hellip", "\u2026"),
            Map.entry("ndash", "\u2013"),
            Map.entry("mdash", "\u2014"),
            Map.entry("lsquo", "\u2018"),
            Map.entry("rsquo", "\u2019"),
            Map.entry("ldquo", "\u201c"),
            Map.entry("rdquo", "\u201d"),
            Map.entry("laquo", "\u00ab"),
            Map.entry("raquo", "\u00bb"),
            Map.entry("middot", "\u00b7"),
            Map.entry("bull", "\u2022"),
            Map.entry("euro", "\u20ac"),
            Map.entry("pound", "\u00a3"),
            Map.entry("yen", "\u00a5"),
            Map.entry("cent", "\u00a2"),
            Map.entry("deg", "\u00b0"),
            Map.entry("times", "\u00d7"));

    private HtmlEntities() {
    }

    /** {@code text} with every well-formed reference replaced; anything else is kept as written. */
    static String decode(String text) {
        int amp = text.indexOf('&');
        if (amp < 0) {
            return text;
        }
        StringBuilder decoded = new StringBuilder(text.length());
        int copied = 0;
        while (amp >= 0) {
            int semicolon = semicolonOf(text, amp);
            Optional<String> replacement = semicolon < 0
                    ? Optional.empty()
                    : replacementOf(text.substring(amp + 1, semicolon));
            if (replacement.isPresent()) {
                decoded.append(text, copied, amp).append(replacement.get());
                copied = semicolon + 1;
            }
            amp = text.indexOf('&', replacement.isPresent() ? copied : amp + 1);
        }
        return decoded.append(text, copied, text.length()).toString();
    }

    private static int semicolonOf(String text, int amp) {
        int end = Math.min(text.length(), amp + 1 + MAX_REFERENCE_LENGTH);
        for (int i = amp + 1; i < end; i++) {
            char c = text.charAt(i);
            if (c == ';') {
                return i;
            }
            if (!Character.isLetterOrDigit(c) && c != '#') {
                return -1;
            }
        }
        return -1;
    }

    private static Optional<String> replacementOf(String reference) {
        if (!reference.startsWith("#")) {
            return Optional.ofNullable(NAMED.get(reference));
        }
        boolean hex = reference.length() > 1 && (reference.charAt(1) == 'x' || reference.charAt(1) == 'X');
        String digits = reference.substring(hex ? 2 : 1);
        if (digits.isEmpty() || digits.length() > 8) {
            return Optional.empty();
        }
        try {
            int codePoint = Integer.parseInt(digits, hex ? 16 : 10);
            return isCharacter(codePoint) ? Optional.of(Character.toString(codePoint)) : Optional.empty();
        } catch (NumberFormatException notDigits) {
            return Optional.empty();
        }
    }

    private static boolean isCharacter(int codePoint) {
        return codePoint > 0
                && codePoint <= Character.MAX_CODE_POINT
                && !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
    }
}
