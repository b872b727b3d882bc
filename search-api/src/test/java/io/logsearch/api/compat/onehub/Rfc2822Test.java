package io.logsearch.api.compat.onehub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Rfc2822Test {

    private static final Instant SEED_TIME = Instant.parse("2016-01-18T19:16:53Z");

    private static Instant utc(String text) {
        return Rfc2822.parse(text, ZoneOffset.UTC);
    }

    @Test
    void theVendorsExampleWithOrWithoutItsDayOfTheWeek() {
        assertEquals(SEED_TIME, utc("Mon, 18 Jan 2016 11:16:53 -0800"));
        assertEquals(SEED_TIME, utc("18 Jan 2016 11:16:53 -0800"));
        assertEquals(SEED_TIME, utc("  mon,18 JAN 2016 11:16:53 -0800 "), "names in any case, spaces as RFC 2822 folds them");
        assertEquals(Instant.parse("2016-01-18T19:16:00Z"), utc("Mon, 18 Jan 2016 11:16 -0800"), "seconds are optional");
        assertEquals(Instant.parse("2016-01-08T19:16:53Z"), utc("8 Jan 2016 19:16:53 +0000"), "a one-digit day");
        assertEquals(Instant.parse("2016-01-18T09:46:53Z"), utc("18 Jan 2016 11:16:53 +0130"));
    }

    @Test
    void everyObsoleteZoneOfSection43() {
        Map<String, Integer> hoursEastOfUtc = Map.of("UT", 0, "GMT", 0, "EST", -5, "EDT", -4, "CST", -6, "CDT", -5,
                "MST", -7, "MDT", -6, "PST", -8, "PDT", -7);
        hoursEastOfUtc.forEach((zone, hours) -> assertEquals(Instant.parse("2016-01-18T11:16:53Z").minusSeconds(hours * 3600L),
                utc("Mon, 18 Jan 2016 11:16:53 " + zone), zone));
        assertEquals(SEED_TIME, utc("Mon, 18 Jan 2016 11:16:53 pst"));
        // military zones were defined with the wrong sign, so RFC 2822 reads them all as -0000
        assertEquals(Instant.parse("2016-01-18T11:16:53Z"), utc("Mon, 18 Jan 2016 11:16:53 Z"));
        assertEquals(Instant.parse("2016-01-18T11:16:53Z"), utc("Mon, 18 Jan 2016 11:16:53 A"));
    }

    @Test
    void withoutAZoneTheTimeIsInTheGivenOne() {
        assertEquals(Instant.parse("2016-01-18T11:16:53Z"), utc("Mon, 18 Jan 2016 11:16:53"));
        assertEquals(SEED_TIME, Rfc2822.parse("Mon, 18 Jan 2016 11:16:53", ZoneId.of("America/Los_Angeles")));
        assertEquals(Instant.parse("2016-07-18T18:16:53Z"), Rfc2822.parse("Mon, 18 Jul 2016 11:16:53", ZoneId.of("America/Los_Angeles")),
                "daylight saving time in July");
        assertEquals(SEED_TIME, Rfc2822.parse("Mon, 18 Jan 2016 11:16:53 -0800", ZoneId.of("Asia/Tokyo")), "a zone given wins");
    }

    @Test
    void theFirstAndLastYearsAreFourDigitYears() {
        assertEquals(Instant.parse("0000-01-01T00:00:00Z"), utc("1 Jan 0000 00:00:00 +0000"));
        assertEquals(Instant.parse("9999-12-31T23:59:59Z"), utc("Fri, 31 Dec 9999 23:59:59 +0000"));
    }

    @Test
    void whatIsNotAnRfc2822TimeIsRefusedWithTheReason() {
        Map<String, String> reasons = Map.of(
                "Tue, 18 Jan 2016 11:16:53 -0800", "is a Monday, not a Tuesday",
                "Mon, 18 Foo 2016 11:16:53 -0800", "no month called Foo",
                "Xyz, 18 Jan 2016 11:16:53 -0800", "no day of the week called Xyz",
                "Mon, 18 Jan 2016 11:16:53 XYZ", "unknown zone XYZ",
                "Mon, 18 Jan 2016 11:16:53 J", "unknown zone J",
                "30 Feb 2016 11:16:53 +0000", "not a real date",
                "18 Jan 2016 24:16:53 +0000", "not a real date",
                "18 Jan 2016 11:16:53 +1960", "no such zone offset",
                "18 Jan 16 11:16:53 +0000", "is not an RFC-2822 time",
                "2016-01-18T11:16:53Z", "is not an RFC-2822 time");
        reasons.forEach((text, reason) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> utc(text), text);
            assertTrue(e.getMessage().contains(reason), text + ": " + e.getMessage());
        });
        assertThrows(IllegalArgumentException.class, () -> utc("1 Jan 10000 00:00:00 +0000"), "five-digit years");
    }
}
