package io.logsearch.generator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Fisher–Yates shuffles driven by a {@link SplittableRandom}, for deterministic output. */
final class Shuffle {

    private Shuffle() {
    }

    static int[] permutation(SplittableRandom random, int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    static <T> List<T> shuffled(SplittableRandom random, List<T> items) {
        int[] order = permutation(random, items.size());
        List<T> result = new ArrayList<>(items.size());
        for (int index : order) {
            result.add(items.get(index));
        }
        return result;
    }

    /** {@code count} distinct values from {@code [from, from + range)}, in random order. */
    static long[] distinct(SplittableRandom random, int count, long from, long range) {
        if (count > range) {
            throw new IllegalArgumentException(count + " distinct values do not fit into a range of " + range);
        }
        Set<Long> seen = new HashSet<>();
        long[] values = new long[count];
        for (int i = 0; i < count; ) {
            long value = from + random.nextLong(range);
            if (seen.add(value)) {
                values[i++] = value;
            }
        }
        return values;
    }
}
