package io.logsearch.generator;

import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * The time slots of a known number of events, newest first, spread over {@code slots} equally long
 * slots following an {@link ActivityCurve}. Streams them in constant memory: each point is the
 * largest of the remaining uniform points below the previous one ({@code u * V^(1/k)}), which gives
 * sorted uniform points without sorting.
 */
final class Timeline {

    private final SplittableRandom random;
    private final ActivityCurve curve;
    private final long slots;
    private final boolean distinct;
    private long remaining;
    private double position = 1.0;
    private long previous;

    /**
     * @param distinct whether every event needs a slot of its own (strictly decreasing slots)
     * @throws IllegalArgumentException when {@code distinct} and there are more events than slots
     */
    Timeline(SplittableRandom random, ActivityCurve curve, long events, long slots, boolean distinct) {
        if (distinct && events > slots) {
            throw new IllegalArgumentException("too many events for the time span: " + events
                    + " distinct timestamps do not fit into " + slots + " possible ones; give more days or fewer events");
        }
        this.random = random;
        this.curve = curve;
        this.slots = slots;
        this.distinct = distinct;
        this.remaining = events;
        this.previous = distinct ? slots : slots - 1;
    }

    boolean hasNext() {
        return remaining > 0;
    }

    /** The next slot in [0, slots): below the previous one, or equal to it when not distinct. */
    long next() {
        if (remaining == 0) {
            throw new NoSuchElementException("every event of this timeline was handed out");
        }
        position *= Math.pow(1.0 - random.nextDouble(), 1.0 / remaining);
        remaining--;
        long slot = Math.min((long) (curve.quantile(position) * slots), slots - 1);
        slot = distinct ? Math.max(Math.min(slot, previous - 1), remaining) : Math.min(slot, previous);
        previous = slot;
        return slot;
    }
}
