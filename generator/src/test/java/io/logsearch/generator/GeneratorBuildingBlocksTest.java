package io.logsearch.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The package's building blocks, where the exports alone would not show a mistake. */
class GeneratorBuildingBlocksTest {

    private static final ActivityCurve CURVE = ActivityCurve.over(Instant.parse("2025-05-01T00:00:00Z"), 7);

    @Test
    void aDistinctTimelineUsesEverySlotWhenFull() {
        Timeline timeline = new Timeline(new SplittableRandom(1), CURVE, 500, 500, true);
        for (long expected = 499; expected >= 0; expected--) {
            assertEquals(expected, timeline.next());
        }
        assertFalse(timeline.hasNext());
    }

    @Test
    void aDistinctTimelineDecreasesStrictly() {
        Timeline timeline = new Timeline(new SplittableRandom(2), CURVE, 10_000, 20_000, true);
        long previous = 20_000;
        while (timeline.hasNext()) {
            long slot = timeline.next();
            assertTrue(slot >= 0 && slot < previous, slot + " after " + previous);
            previous = slot;
        }
    }

    @Test
    void aSharedTimelineNeverIncreasesAndFollowsTheCurve() {
        long slots = 7 * 24;
        Timeline timeline = new Timeline(new SplittableRandom(3), CURVE, 100_000, slots, false);
        long previous = slots - 1;
        long[] perHourOfDay = new long[24];
        while (timeline.hasNext()) {
            long slot = timeline.next();
            assertTrue(slot >= 0 && slot <= previous, slot + " after " + previous);
            perHourOfDay[(int) (slot % 24)]++;
            previous = slot;
        }
        assertTrue(perHourOfDay[14] > 2.5 * perHourOfDay[2], "afternoons busier than nights: " + perHourOfDay[14]
                + " vs " + perHourOfDay[2]);
    }

    @Test
    void aDistinctTimelineRefusesMoreEventsThanSlots() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Timeline(new SplittableRandom(4), CURVE, 11, 10, true));
        assertTrue(e.getMessage().startsWith("too many events for the time span"), e.getMessage());
    }

    @Test
    void allocationSplitsExactlyInProportion() {
        assertArrayEquals(new long[] {50, 30, 20}, Allocation.split(100, new double[] {5, 3, 2}));
        assertArrayEquals(new long[] {1, 1, 0}, Allocation.split(2, new double[] {1, 1, 1}));
        long[] shares = Allocation.split(1_000_003, Weighted.zipfWeights(997, 0.9));
        long sum = 0;
        for (long share : shares) {
            sum += share;
        }
        assertEquals(1_000_003, sum);
        assertTrue(shares[0] > 10 * shares[99], "skewed");
    }

    @Test
    void zipfPicksTheFirstItemsMostOften() {
        Weighted<String> weighted = Weighted.zipf(List.of("a", "b", "c", "d"), 1.0);
        SplittableRandom random = new SplittableRandom(5);
        int[] counts = new int[4];
        for (int i = 0; i < 100_000; i++) {
            counts[weighted.pick(random).charAt(0) - 'a']++;
        }
        assertEquals(100_000 * 12 / 25.0, counts[0], 1_000);
        assertEquals(100_000 * 3 / 25.0, counts[3], 1_000);
    }

    @Test
    void requestIdsNeverRepeat() {
        Set<String> ids = new HashSet<>();
        for (long sequence = 0; sequence < 200_000; sequence++) {
            String id = Ids.requestId(sequence, 0x5eed);
            assertTrue(id.matches("[0-9a-f]{32}"), id);
            assertTrue(ids.add(id), id);
        }
    }

    @Test
    void uuidsAreVersionFour() {
        String uuid = Ids.uuid(new SplittableRandom(6));
        assertTrue(uuid.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), uuid);
    }

    @Test
    void networksHaveTheirHostBitsCleared() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000; i++) {
            String network = Addresses.ipv4Network(random);
            String[] parts = network.split("/");
            int prefix = Integer.parseInt(parts[1]);
            long address = 0;
            for (String octet : parts[0].split("\\.")) {
                address = address << 8 | Integer.parseInt(octet);
            }
            assertEquals(0, address & ((1L << (32 - prefix)) - 1), network);
            assertTrue(Addresses.ipv6Network(random).matches("2[0-9a-c][0-9a-f]{2}(:[0-9a-f]{1,4}){2}::/48"));
        }
    }

    @Test
    void markupEscapesAsRails() {
        assertEquals("R&amp;D &lt;draft&gt; &quot;Atlas&quot; O&#39;Brien", OnehubMarkup.escape("R&D <draft> \"Atlas\" O'Brien"));
    }

    @Test
    void emailsArePlainAscii() {
        assertEquals("zoe.obrien@acme.com", new Person("Zoë", "O'Brien").email("acme.com"));
        assertEquals("soren.vanderberg@acme.com", new Person("Søren", "Van der Berg").email("acme.com"));
    }
}
