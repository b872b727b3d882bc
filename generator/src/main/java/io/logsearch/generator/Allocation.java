package io.logsearch.generator;

/** Splits a total into whole shares proportional to weights (largest remainder), summing exactly. */
final class Allocation {

    private Allocation() {
    }

    static long[] split(long total, double[] weights) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        long[] shares = new long[weights.length];
        double[] remainders = new double[weights.length];
        long assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * (weights[i] / sum);
            shares[i] = (long) Math.floor(exact);
            remainders[i] = exact - shares[i];
            assigned += shares[i];
        }
        for (long left = total - assigned; left > 0; left--) {
            int largest = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i] > remainders[largest]) {
                    largest = i;
                }
            }
            shares[largest]++;
            remainders[largest] = -1;
        }
        return shares;
    }
}
