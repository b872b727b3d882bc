package io.logsearch.generator;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Items picked at random in proportion to their weights. */
final class Weighted<T> {

    private final List<T> items;
    private final double[] cumulative;

    private Weighted(List<T> items, double[] weights) {
        if (items.isEmpty() || items.size() != weights.length) {
            throw new IllegalArgumentException("need one weight per item and at least one item");
        }
        this.items = List.copyOf(items);
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
    }

    static <T> Weighted<T> of(List<T> items, double[] weights) {
        return new Weighted<>(items, weights.clone());
    }

    /** Zipf-like weights: the item of rank r (from 1, in list order) weighs {@code 1 / r^exponent}. */
    static <T> Weighted<T> zipf(List<T> items, double exponent) {
        return new Weighted<>(items, zipfWeights(items.size(), exponent));
    }

    static double[] zipfWeights(int count, double exponent) {
        double[] weights = new double[count];
        for (int i = 0; i < count; i++) {
            weights[i] = 1.0 / Math.pow(i + 1, exponent);
        }
        return weights;
    }

    T pick(SplittableRandom random) {
        return items.get(pickIndex(random));
    }

    private int pickIndex(SplittableRandom random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int found = Arrays.binarySearch(cumulative, target);
        int index = found >= 0 ? found + 1 : -found - 1;
        return Math.min(index, cumulative.length - 1);
    }
}
