package io.logsearch.storage.query;

/** Where a page ends in the total order ({@code @timestamp}, {@code event.id}); the next page starts after it. */
public record SearchAfter(long timestampMillis, String eventId) {
}
