package io.logsearch.cli;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;

/**
 * What a long-running command started, undone in reverse order when the JVM is asked to stop
 * (Ctrl-C, SIGTERM, or the command failing). A step that fails is reported and does not keep the
 * later ones from running.
 */
final class ShutdownSteps {

    private record Step(String what, Runnable action) {
    }

    private final Deque<Step> steps = new ConcurrentLinkedDeque<>();
    private final CountDownLatch done = new CountDownLatch(1);

    /** Installs the shutdown hook; steps added later still run. */
    static ShutdownSteps install() {
        ShutdownSteps shutdown = new ShutdownSteps();
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown::run, "shutdown"));
        return shutdown;
    }

    /** Adds {@code action}, which runs before every step added earlier. */
    void add(String what, Runnable action) {
        steps.push(new Step(what, action));
    }

    /** Blocks until the shutdown steps have run. */
    void await() throws InterruptedException {
        done.await();
    }

    void run() {
        try {
            for (Step step = steps.poll(); step != null; step = steps.poll()) {
                try {
                    step.action().run();
                } catch (RuntimeException e) {
                    System.err.println("logsearch: could not " + step.what() + ": " + e.getMessage());
                }
            }
        } finally {
            done.countDown();
        }
    }
}
