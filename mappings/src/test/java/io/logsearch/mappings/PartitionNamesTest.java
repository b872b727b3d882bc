package io.logsearch.mappings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PartitionNamesTest {

    @Test
    void namesEveryTimestampAsPartitioningDoesAcrossDayAndMonthBoundaries() {
        for (Partitioning partitioning : new Partitioning[] {Partitioning.daily("p"), new Partitioning("p", Granularity.MONTHLY)}) {
            PartitionNames names = new PartitionNames(partitioning);
            Instant from = Instant.parse("2026-01-30T22:00:00Z");
            for (Instant t = from; t.isBefore(from.plus(Duration.ofDays(4))); t = t.plus(Duration.ofMinutes(37))) {
                assertEquals(partitioning.indexFor(t), names.indexFor(t), partitioning + " at " + t);
            }
            for (String text : new String[] {"2026-03-01T00:00:00Z", "2026-02-28T23:59:59.999999999Z", "1969-12-31T23:59:59Z",
                    "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2026-03-01T00:00:00Z"}) {
                Instant t = Instant.parse(text);
                assertEquals(partitioning.indexFor(t), names.indexFor(t), partitioning + " at " + text);
            }
        }
    }

    @Test
    void refusesTimestampsThatCannotBeNamedEvenAfterNamingTheirNeighbours() {
        PartitionNames names = new PartitionNames(Partitioning.daily("p"));
        assertEquals("p-0000.01.01", names.indexFor(Partitioning.EARLIEST));
        assertThrows(IllegalArgumentException.class, () -> names.indexFor(Partitioning.EARLIEST.minusNanos(1)));
        assertEquals("p-9999.12.31", names.indexFor(Partitioning.LATEST));
        assertThrows(IllegalArgumentException.class, () -> names.indexFor(Partitioning.LATEST.plusNanos(1)));
    }
}
