package io.logsearch.mappings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Date partitions of one index base: {@code <base>-YYYY.MM.DD} (daily) or {@code <base>-YYYY.MM}
 * (monthly), named after the UTC day or month of an event's {@code @timestamp}.
 */
public record Partitioning(String base, Granularity granularity) {

    /** The earliest instant a partition can be named for: partition names carry four-digit years. */
    public static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    /** The latest instant a partition can be named for. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** Elasticsearch refuses request lines over 4 KB; index names take at most this much of one. */
    private static final int MAX_NAMES_LENGTH = 2000;
    /** How a long range's ends are widened, step by step: to months, years, decades, centuries, millennia. */
    private static final int[] WIDENINGS_IN_MONTHS = {1, 12, 120, 1200, 12000};
    private static final Pattern DASH_DIGIT = Pattern.compile("-[0-9]");
    private static final Pattern VALID_BASE = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

    public Partitioning {
        if (base == null || !VALID_BASE.matcher(base).matches() || base.length() > 200) {
            throw new IllegalArgumentException("index base '" + base
                    + "' is not a valid Elasticsearch index name prefix (lowercase letters, digits, '-', '_', '.')");
        }
        if (DASH_DIGIT.matcher(base).find()) {
            throw new IllegalArgumentException("index base '" + base
                    + "' must not contain '-' followed by a digit: its partitions would look like those of a shorter base");
        }
        if (granularity == null) {
            throw new IllegalArgumentException("partition granularity is required");
        }
    }

    public static Partitioning daily(String base) {
        return new Partitioning(base, Granularity.DAILY);
    }

    /**
     * The partition an event with this timestamp is written to.
     *
     * @throws IllegalArgumentException when the timestamp lies outside {@link #EARLIEST} to {@link #LATEST}
     */
    public String indexFor(Instant timestamp) {
        if (!isNamable(timestamp)) {
            throw new IllegalArgumentException("timestamp " + timestamp + " lies outside the years 0000 to 9999 that partitions can be named for");
        }
        return base + "-" + granularity.suffix().format(timestamp);
    }

    /** Whether {@link #indexFor} can name a partition for this timestamp. */
    public static boolean isNamable(Instant timestamp) {
        return !timestamp.isBefore(EARLIEST) && !timestamp.isAfter(LATEST);
    }

    /**
     * An index pattern that covers every partition of this base, and possibly the partitions of
     * longer bases that start with this one: for housekeeping that checks each name with
     * {@link #endOf}, not for searches (use {@link #overlapping}).
     */
    public String allPartitions() {
        return base + "-*";
    }

    /**
     * The partitions that may hold events in {@code [from, to]}, in time order; the range is first
     * clamped to {@link #EARLIEST} and {@link #LATEST}. Whole millennia, centuries, decades and
     * years and, for daily partitions, whole months inside the range collapse into one wildcard
     * each, so a short range names only its own partitions. When the names of a long range would
     * not fit in one request line, its ends are widened to whole months, then years, decades,
     * centuries or millennia until they do: the time filter still decides which events match.
     * Every name starts with {@code <base>-} and a digit, so it never reaches another base's partitions.
     */
    public List<String> overlapping(Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("range end " + to + " is before its start " + from);
        }
        ZonedDateTime start = granularity.startOf(clamp(from).atZone(ZoneOffset.UTC));
        ZonedDateTime limit = clamp(to).plusNanos(1).atZone(ZoneOffset.UTC);
        List<String> names = collapse(start, limit);
        for (int months : WIDENINGS_IN_MONTHS) {
            if (length(names) <= MAX_NAMES_LENGTH) {
                break;
            }
            names = collapse(monthsFloor(start, months), monthsFloor(limit.minusNanos(1), months).plusMonths(months));
        }
        return names;
    }

    private List<String> collapse(ZonedDateTime start, ZonedDateTime limit) {
        List<String> names = new ArrayList<>();
        ZonedDateTime cursor = start;
        while (cursor.isBefore(limit)) {
            ZonedDateTime next = wholeYears(cursor, limit, names).orElse(null);
            if (next == null && granularity == Granularity.DAILY && cursor.getDayOfMonth() == 1
                    && !cursor.plusMonths(1).isAfter(limit)) {
                names.add(base + "-" + granularity.suffix().format(cursor).substring(0, 7) + ".*");
                next = cursor.plusMonths(1);
            }
            if (next == null) {
                names.add(base + "-" + granularity.suffix().format(cursor));
                next = cursor.plus(1, granularity.unit());
            }
            cursor = next;
        }
        return names;
    }

    /** The start of the block of {@code months} (counted from year 0) that holds {@code time}. */
    private static ZonedDateTime monthsFloor(ZonedDateTime time, int months) {
        int sinceYearZero = time.getYear() * 12 + time.getMonthValue() - 1;
        int floored = sinceYearZero - sinceYearZero % months;
        return ZonedDateTime.of(floored / 12, floored % 12 + 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    }

    private static int length(List<String> names) {
        return names.stream().mapToInt(name -> name.length() + 1).sum();
    }

    /**
     * When the largest whole block of years starting at {@code cursor} (a millennium, century,
     * decade or single year) ends by {@code limit}, adds its wildcard and returns where it ends.
     */
    private Optional<ZonedDateTime> wholeYears(ZonedDateTime cursor, ZonedDateTime limit, List<String> names) {
        if (cursor.getDayOfYear() != 1) {
            return Optional.empty();
        }
        String year = String.format("%04d", cursor.getYear());
        for (int prefix = 1; prefix <= 3; prefix++) {
            int span = (int) Math.pow(10, 4 - prefix);
            ZonedDateTime after = cursor.plusYears(span);
            if (cursor.getYear() % span == 0 && !after.isAfter(limit)) {
                names.add(base + "-" + year.substring(0, prefix) + "*");
                return Optional.of(after);
            }
        }
        if (!cursor.plusYears(1).isAfter(limit)) {
            names.add(base + "-" + year + ".*");
            return Optional.of(cursor.plusYears(1));
        }
        return Optional.empty();
    }

    /** {@link #overlapping} for all time: every partition of this base and of no other. */
    public List<String> everyPartition() {
        return overlapping(EARLIEST, LATEST);
    }

    /** The instant itself, or the nearest of {@link #EARLIEST} and {@link #LATEST} when it lies outside them. */
    public static Instant clamp(Instant instant) {
        return instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant;
    }

    /**
     * The instant at which the partition named {@code index} ends (exclusive), or empty when the
     * name is not a partition of this base.
     */
    public Optional<Instant> endOf(String index) {
        String prefix = base + "-";
        if (!index.startsWith(prefix)) {
            return Optional.empty();
        }
        String suffix = index.substring(prefix.length());
        try {
            if (suffix.length() == 10) {
                LocalDate day = LocalDate.parse(suffix, Granularity.DAILY.suffix());
                return Optional.of(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            if (suffix.length() == 7) {
                LocalDate month = LocalDate.parse(suffix + ".01", Granularity.DAILY.suffix());
                return Optional.of(month.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
