package io.logsearch.mappings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeWindowTest {

    @Test
    void unitsAndTheSecondsDefault() {
        assertEquals(Duration.ofSeconds(3600), TimeWindow.parse("3600"));
        assertEquals(Duration.ofSeconds(30), TimeWindow.parse("30s"));
        assertEquals(Duration.ofMinutes(5), TimeWindow.parse("5m"));
        assertEquals(Duration.ofHours(12), TimeWindow.parse("12h"));
        assertEquals(Duration.ofDays(90), TimeWindow.parse("90d"));
        assertEquals(Duration.ofDays(14), TimeWindow.parse("2w"));
    }

    @Test
    void anythingElseIsRejectedWithTheSyntax() {
        for (String bad : new String[] {"", "h", "12hours", "-1d", "1.5h", "12H", "1d2h", "9999999999999d"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeWindow.parse(bad), bad);
            assertTrue(e.getMessage().contains("e.g. 12h"), e.getMessage());
        }
    }
}
