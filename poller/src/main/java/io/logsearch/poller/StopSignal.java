package io.logsearch.poller;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Asks a poller to stop after the page in hand; waits (back-off, the interval) end early when it is given. */
public final class StopSignal {

    private final CountDownLatch stopped = new CountDownLatch(1);

    public void stop() {
        stopped.countDown();
    }

    public boolean requested() {
        return stopped.getCount() == 0;
    }

    /** Waits {@code pause}, or less when stopped meanwhile; true when stopped. */
    public boolean await(Duration pause) {
        try {
            return stopped.await(Math.max(0, pause.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return true;
        }
    }
}
