package io.logsearch.api.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.logsearch.api.ApiProblem;
import io.logsearch.storage.query.SearchAfter;
import io.logsearch.storage.query.TimeRange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CursorsTest {

    private final Cursors cursors = new Cursors("sixteen or more bytes".getBytes(StandardCharsets.UTF_8));
    private final Cursors.State state = new Cursors.State(
            Optional.of(new TimeRange(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-02T00:00:00.123Z"))),
            new SearchAfter(1_704_067_200_000L, "event-7"), "f1");

    @Test
    void aCursorCarriesItsStateBack() {
        assertEquals(state, cursors.decode(cursors.encode(state), "f1"));
        Cursors.State unbounded = new Cursors.State(Optional.empty(), new SearchAfter(-5, "x"), "f1");
        assertEquals(unbounded, cursors.decode(cursors.encode(unbounded), "f1"));
    }

    @Test
    void anotherKeyOrAlteredTextIsRefused() {
        String cursor = cursors.encode(state);
        Cursors other = new Cursors("another secret of 16+ bytes".getBytes(StandardCharsets.UTF_8));
        assertThrows(ApiProblem.class, () -> other.decode(cursor, "f1"));
        char flipped = cursor.charAt(3) == 'A' ? 'B' : 'A';
        assertThrows(ApiProblem.class, () -> cursors.decode(cursor.substring(0, 3) + flipped + cursor.substring(4), "f1"));
        assertThrows(ApiProblem.class, () -> cursors.decode("", "f1"));
    }

    @Test
    void aCursorOfOtherFiltersIsRefused() {
        ApiProblem problem = assertThrows(ApiProblem.class, () -> cursors.decode(cursors.encode(state), "f2"));
        assertEquals("cursor", problem.errors().get(0).field());
    }

    @Test
    void shortSecretsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Cursors(new byte[15]));
    }
}
