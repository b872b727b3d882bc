package io.logsearch.generator;

import java.text.Normalizer;
import java.util.Locale;

/** A generated person; every source gives its people their own ids and habits. */
record Person(String firstName, String lastName) {

    String fullName() {
        return firstName + " " + lastName;
    }

    /** {@code first.last@domain} in plain lower-case ASCII. */
    String email(String domain) {
        return localPart(firstName) + "." + localPart(lastName) + "@" + domain;
    }

    private static String localPart(String name) {
        String decomposed = Normalizer.normalize(name.replace("ø", "o").replace("Ø", "O"), Normalizer.Form.NFD);
        return decomposed.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    }
}
