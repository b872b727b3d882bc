package io.logsearch.indexer.sources.thousandeyes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The user text is split exactly as it was when an email was recognised by this pattern. */
class ThousandEyesAuditUserEquivalenceTest {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@()<>,;]+@[^\\s@()<>,;]+");
    private static final String ALPHABET = "ab.@ ()<>,;\t\n\u000B\f\r\u00a0é😀-_+";

    private static AuditUser asBefore(String text) {
        String trimmed = text.strip();
        if (EMAIL.matcher(trimmed).matches()) {
            return new AuditUser("", trimmed);
        }
        int open = trimmed.lastIndexOf('(');
        if (open >= 0 && trimmed.endsWith(")")) {
            String lastPart = trimmed.substring(open + 1, trimmed.length() - 1).strip();
            if (EMAIL.matcher(lastPart).matches()) {
                return new AuditUser(trimmed.substring(0, open).strip(), lastPart);
            }
        }
        return new AuditUser(trimmed, "");
    }

    @Test
    void randomUserTextsSplitAsBefore() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 300_000; i++) {
            StringBuilder text = new StringBuilder();
            if (i % 3 == 0) {
                text.append("Jane Doe (");
            }
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                text.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0, random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
            }
            if (i % 3 == 0) {
                text.append(')');
            }
            assertEquals(asBefore(text.toString()), AuditUser.parse(text.toString()), text.toString());
        }
    }
}
