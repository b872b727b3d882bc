package io.logsearch.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Draws people with distinct names from the {@link Vocabulary}. */
final class People {

    private People() {
    }

    /** {@code count} people in random order, no two with the same name; at most every combination. */
    static List<Person> draw(SplittableRandom random, int count) {
        int firsts = Vocabulary.FIRST_NAMES.size();
        int combinations = firsts * Vocabulary.LAST_NAMES.size();
        if (count > combinations) {
            throw new IllegalArgumentException("at most " + combinations + " distinct people, asked for " + count);
        }
        int[] order = Shuffle.permutation(random, combinations);
        List<Person> people = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            people.add(new Person(Vocabulary.FIRST_NAMES.get(order[i] % firsts),
                    Vocabulary.LAST_NAMES.get(order[i] / firsts)));
        }
        return people;
    }
}
