package io.logsearch.indexer.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Timestamps#format} writes exactly what {@link Instant#toString()} does, which documents have always had. */
class TimestampFormatTest {

    @Test
    void edgesOfTheRangeTheEpochAndEachKindOfFraction() {
        for (String text : List.of("0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999999999Z", "0001-02-03T04:05:06.700Z", "2024-02-29T23:00:00.000001Z",
                "2026-11-30T23:59:44Z", "2026-12-01T08:16:24.417563848Z", "2026-12-01T08:16:24.417563Z",
                "2026-12-01T08:16:24.010Z", "1999-12-31T00:00:00.100000Z")) {
            Instant instant = Instant.parse(text);
            assertEquals(instant.toString(), Timestamps.format(instant), text);
        }
    }

    @Test
    void instantsOutsideTheYears0000To9999AreLeftToTheGeneralFormatter() {
        for (String text : List.of("-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "-1000000-06-01T12:00:00.5Z")) {
            Instant instant = Instant.parse(text);
            assertEquals(instant.toString(), Timestamps.format(instant), text);
        }
    }

    @Test
    void randomInstantsOverTheWholeRange() {
        SplittableRandom random = new SplittableRandom(7);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(first, last + 1), nanos);
            assertEquals(instant.toString(), Timestamps.format(instant));
        }
    }
}
