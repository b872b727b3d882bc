package io.logsearch.mappings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PartitioningTest {

    private final Partitioning daily = Partitioning.daily("logsearch-events");
    private final Partitioning monthly = new Partitioning("logsearch-events", Granularity.MONTHLY);

    @Test
    void dailyPartitionIsTheUtcDayOfTheTimestamp() {
        assertEquals("logsearch-events-2024.03.09", daily.indexFor(Instant.parse("2024-03-09T00:00:00Z")));
        assertEquals("logsearch-events-2024.03.09", daily.indexFor(Instant.parse("2024-03-09T23:59:59.999Z")));
        assertEquals("logsearch-events-2024.03.10", daily.indexFor(Instant.parse("2024-03-10T00:00:00Z")));
    }

    @Test
    void offsetsAreConvertedToUtcBeforeNaming() {
        Instant earlyInBerlin = OffsetDateTime.parse("2024-01-01T00:30:00+01:00").toInstant();
        assertEquals("logsearch-events-2023.12.31", daily.indexFor(earlyInBerlin));
        assertEquals("logsearch-events-2023.12", monthly.indexFor(earlyInBerlin));

        Instant lateInCalifornia = OffsetDateTime.parse("2016-01-31T16:30:00-08:00").toInstant();
        assertEquals("logsearch-events-2016.02.01", daily.indexFor(lateInCalifornia));
        assertEquals("logsearch-events-2016.02", monthly.indexFor(lateInCalifornia));
    }

    @Test
    void monthlyPartitionIsTheUtcMonth() {
        assertEquals("logsearch-events-2024.02", monthly.indexFor(Instant.parse("2024-02-29T23:59:59Z")));
        assertEquals("logsearch-events-2024.03", monthly.indexFor(Instant.parse("2024-03-01T00:00:00Z")));
        assertEquals("logsearch-events-2024.12", monthly.indexFor(Instant.parse("2024-12-31T12:00:00Z")));
    }

    @Test
    void aShortRangeNamesOnlyItsOwnDays() {
        assertEquals(List.of("logsearch-events-2024.03.09"),
                daily.overlapping(Instant.parse("2024-03-09T10:00:00Z"), Instant.parse("2024-03-09T11:00:00Z")));
        assertEquals(List.of("logsearch-events-2024.03.09", "logsearch-events-2024.03.10"),
                daily.overlapping(Instant.parse("2024-03-09T23:30:00Z"), Instant.parse("2024-03-10T00:30:00Z")));
    }

    @Test
    void aRangeEndingExactlyAtMidnightIncludesTheDayItEndsOn() {
        assertEquals(List.of("logsearch-events-2024.03.09", "logsearch-events-2024.03.10"),
                daily.overlapping(Instant.parse("2024-03-09T12:00:00Z"), Instant.parse("2024-03-10T00:00:00Z")));
    }

    @Test
    void wholeMonthsAndYearsCollapseIntoWildcards() {
        assertEquals(List.of(
                        "logsearch-events-2023.12.31",
                        "logsearch-events-2024.*",
                        "logsearch-events-2025.01.*",
                        "logsearch-events-2025.02.01",
                        "logsearch-events-2025.02.02"),
                daily.overlapping(Instant.parse("2023-12-31T05:00:00Z"), Instant.parse("2025-02-02T01:00:00Z")));
    }

    @Test
    void monthlyOverlapListsMonthsAndWholeYears() {
        assertEquals(List.of("logsearch-events-2023.11", "logsearch-events-2023.12",
                        "logsearch-events-2024.*", "logsearch-events-2025.01"),
                monthly.overlapping(Instant.parse("2023-11-20T00:00:00Z"), Instant.parse("2025-01-03T00:00:00Z")));
    }

    @Test
    void ninetyDaysOfDailyPartitionsStayAShortList() {
        List<String> names = daily.overlapping(Instant.parse("2024-01-15T00:00:00Z"), Instant.parse("2024-04-14T00:00:00Z"));
        assertEquals("logsearch-events-2024.01.15", names.get(0));
        assertEquals(List.of("logsearch-events-2024.02.*", "logsearch-events-2024.03.*"), names.subList(17, 19));
        assertEquals("logsearch-events-2024.04.14", names.get(names.size() - 1));
        assertEquals(17 + 2 + 14, names.size());
    }

    @Test
    void decadesCenturiesAndMillenniaCollapseToo() {
        assertEquals(List.of(
                        "logsearch-events-1999.12.31",
                        "logsearch-events-200*",
                        "logsearch-events-201*",
                        "logsearch-events-2020.*",
                        "logsearch-events-2021.01.01"),
                daily.overlapping(Instant.parse("1999-12-31T12:00:00Z"), Instant.parse("2021-01-01T00:00:00Z")));
        assertEquals(List.of("logsearch-events-1*", "logsearch-events-20*", "logsearch-events-2100.01.01"),
                daily.overlapping(Instant.parse("1000-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z")));
    }

    @Test
    void allTimeIsTenPatternsThatNeverReachALongerBase() {
        List<String> names = daily.everyPartition();
        assertEquals(10, names.size());
        for (int digit = 0; digit <= 9; digit++) {
            assertEquals("logsearch-events-" + digit + "*", names.get(digit));
        }
        assertEquals(names, monthly.everyPartition());
    }

    @Test
    void rangesBeyondNamableYearsAreClampedSoTheListStaysShort() {
        List<String> huge = daily.overlapping(Instant.parse("2024-03-09T10:00:00Z").minus(java.time.Duration.ofDays(99_999_999_999L)),
                Instant.parse("2024-03-09T10:00:00Z"));
        assertEquals("logsearch-events-0*", huge.get(0));
        assertEquals(true, huge.size() < 50, huge.toString());
        assertEquals(List.of("logsearch-events-9999.12.31"),
                daily.overlapping(Instant.ofEpochMilli(999_999_999_999_999L), Instant.ofEpochMilli(999_999_999_999_999L)));
    }

    @Test
    void aLongRangeWithRaggedEndsIsWidenedUntilItsNamesFitOneRequestLine() {
        Partitioning longBase = Partitioning.daily("it1a2b3c4d-a-rather-long-index-base-for-one-test-class");
        Instant from = Instant.parse("2026-11-30T10:15:00Z");
        Instant to = Instant.parse("9999-12-30T23:59:59Z");
        List<String> names = longBase.overlapping(from, to);
        assertEquals(true, String.join(",", names).length() <= 2000, names.size() + " names: " + names);
        assertEquals(longBase.base() + "-2026.11.*", names.get(0));
        assertEquals(longBase.base() + "-9*", names.get(names.size() - 1));
        assertEquals(List.of("logsearch-events-2024.03.09"),
                daily.overlapping(Instant.parse("2024-03-09T10:00:00Z"), Instant.parse("2024-03-09T11:00:00Z")));
    }

    @Test
    void widenedEndsStillCoverTheWholeRange() {
        Partitioning longBase = Partitioning.daily("x".repeat(190));
        List<String> names = longBase.overlapping(Instant.parse("0001-02-15T00:00:00Z"), Instant.parse("9998-11-15T00:00:00Z"));
        assertEquals(true, String.join(",", names).length() <= 2100, names.toString());
        assertEquals(longBase.base() + "-0*", names.get(0));
        assertEquals(longBase.base() + "-9*", names.get(names.size() - 1));
    }

    @Test
    void timestampsOutsideFourDigitYearsHaveNoPartition() {
        assertEquals("logsearch-events-0000.01.01", daily.indexFor(Partitioning.EARLIEST));
        assertEquals("logsearch-events-9999.12", monthly.indexFor(Partitioning.LATEST));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> daily.indexFor(Instant.ofEpochMilli(999_999_999_999_999L)));
        assertEquals(true, e.getMessage().contains("0000 to 9999"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> daily.indexFor(Partitioning.EARLIEST.minusMillis(1)));
    }

    @Test
    void aBaseWithDashDigitIsRefusedBecauseItWouldLookLikePartitions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Partitioning.daily("logsearch-events-2"));
        assertEquals(true, e.getMessage().contains("'-' followed by a digit"), e.getMessage());
        assertEquals("logs-v2-2024.01.01", Partitioning.daily("logs-v2").indexFor(Instant.parse("2024-01-01T00:00:00Z")));
    }

    @Test
    void reversedRangeIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> daily.overlapping(Instant.parse("2024-03-10T00:00:00Z"), Instant.parse("2024-03-09T00:00:00Z")));
    }

    @Test
    void invalidBaseIsRejectedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Partitioning.daily("Logs*"));
        assertEquals(true, e.getMessage().contains("Logs*"));
    }

    @Test
    void partitionEndIsTheStartOfTheNextDayOrMonth() {
        assertEquals(Optional.of(Instant.parse("2024-03-01T00:00:00Z")), daily.endOf("logsearch-events-2024.02.29"));
        assertEquals(Optional.of(Instant.parse("2024-03-01T00:00:00Z")), daily.endOf("logsearch-events-2024.02"));
        assertEquals(Optional.empty(), daily.endOf("logsearch-events-2024.13.01"));
        assertEquals(Optional.empty(), daily.endOf("other-2024.02.01"));
        assertEquals(Optional.empty(), daily.endOf("logsearch-events-backup"));
    }
}
