package io.logsearch.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {

    @Test
    void pausesDoubleFrom200MillisecondsToAtMostTenSeconds() {
        RetryBudget budget = new RetryBudget(Duration.ofMinutes(2));
        assertEquals(Optional.of(Duration.ofMillis(200)), budget.pauseBefore(1));
        assertEquals(Optional.of(Duration.ofMillis(400)), budget.pauseBefore(2));
        assertEquals(Optional.of(Duration.ofMillis(800)), budget.pauseBefore(3));
        assertEquals(Optional.of(Duration.ofMillis(6400)), budget.pauseBefore(6));
        assertEquals(Optional.of(Duration.ofSeconds(10)), budget.pauseBefore(7));
        assertEquals(Optional.of(Duration.ofSeconds(10)), budget.pauseBefore(40));
    }

    @Test
    void noPauseOutlastsTheBudgetAndNoneIsLeftOnceItIsSpent() throws InterruptedException {
        RetryBudget budget = new RetryBudget(Duration.ofMillis(300));
        Duration first = budget.pauseBefore(7).orElseThrow();
        assertTrue(first.compareTo(Duration.ofMillis(300)) <= 0, first.toString());
        Thread.sleep(350);
        assertEquals(Optional.empty(), budget.pauseBefore(8));
        assertEquals(Optional.empty(), budget.pauseBefore(1), "spent for every request of the load");
    }

    @Test
    void progressStartsTheClockAfresh() throws InterruptedException {
        RetryBudget budget = new RetryBudget(Duration.ofMillis(300));
        budget.pauseBefore(1);
        Thread.sleep(350);
        budget.progress();
        assertEquals(Optional.of(Duration.ofMillis(200)), budget.pauseBefore(1));
    }
}
