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

    private static final Pattern VALID_BASE = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

    public Partitioning {
        if (base == null || !VALID_BASE.matcher(base).matches() || base.length() > 200) {
            throw new IllegalArgumentException("index base '" + base
                    + "' is not a valid Elasticsearch index name prefix (lowercase letters, digits, '-', '_', '.')");
        }
        if (granularity == null) {
            throw new IllegalArgumentException("partition granularity is required");
        }
    }

    public static Partitioning daily(String base) {
        return new Partitioning(base, Granularity.DAILY);
    }

    /** The partition an event with this timestamp is written to. */
    public String indexFor(Instant timestamp) {
        return base + "-" + granularity.suffix().format(timestamp);
    }

    /** An index pattern that covers every partition of this base. */
    public String allPartitions() {
        return base + "-*";
    }

    /**
     * The partitions that may hold events in {@code [from, to]}, in time order. Whole years and,
     * for daily partitions, whole months inside the range collapse into one wildcard each, so the
     * list stays short for long ranges while a short range names only its own partitions.
     */
    public List<String> overlapping(Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("range end " + to + " is before its start " + from);
        }
        List<String> names = new ArrayList<>();
        ZonedDateTime cursor = granularity.startOf(from.atZone(ZoneOffset.UTC));
        ZonedDateTime end = to.atZone(ZoneOffset.UTC);
        while (!cursor.isAfter(end)) {
            ZonedDateTime nextYear = cursor.plusYears(1);
            ZonedDateTime nextMonth = cursor.plusMonths(1);
            if (cursor.getDayOfYear() == 1 && !nextYear.isAfter(end)) {
                names.add(base + "-" + cursor.getYear() + ".*");
                cursor = nextYear;
            } else if (granularity == Granularity.DAILY && cursor.getDayOfMonth() == 1 && !nextMonth.isAfter(end)) {
                names.add(base + "-" + String.format("%04d.%02d", cursor.getYear(), cursor.getMonthValue()) + ".*");
                cursor = nextMonth;
            } else {
                names.add(base + "-" + granularity.suffix().format(cursor));
                cursor = cursor.plus(1, granularity.unit());
            }
        }
        return names;
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
