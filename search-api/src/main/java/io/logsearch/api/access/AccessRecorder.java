package io.logsearch.api.access;

import io.logsearch.storage.BulkSettings;
import io.logsearch.storage.EventStore;
import io.logsearch.storage.StorageException;
import io.logsearch.storage.WriteOutcomes;
import io.logsearch.storage.WriteSession;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes access events into the access log's store in bulk, on a thread of its own, so a request
 * never waits for it: {@link #record} only offers the event to a bounded queue, and counts it as
 * dropped when the queue is full. The writer installs the access log's template before its first
 * write (else the first partition would be created from the events' template), waits out a store
 * that cannot be reached, and opens a new bulk session when one gave up.
 */
public final class AccessRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccessRecorder.class);
    static final BulkSettings SETTINGS = new BulkSettings(1, 1024 * 1024, Duration.ofSeconds(1), Duration.ofMinutes(1));
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final EventStore store;
    private final BlockingQueue<AccessEvent> queue;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /** Events handed to the current session whose outcome is not reported yet. */
    private final AtomicLong unsettled = new AtomicLong();
    private final Thread writer;
    private volatile boolean closing;
    private WriteSession<AccessEvent> session;
    private boolean templateReady;
    private Duration pause = FIRST_PAUSE;

    /** Starts the writer for the access log {@code store} (an {@link EventStore#accessLog()}), queueing at most {@code capacity} events. */
    public AccessRecorder(EventStore store, int capacity) {
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::run, "logsearch-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues the event, never waiting; a full queue drops it, and it is counted. */
    public void record(AccessEvent event) {
        if (closing || !queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    public AccessLogCounts counts() {
        return new AccessLogCounts(written.get(), dropped.get(), failed.get(), queue.size());
    }

    /** Writes what is queued, waiting at most a few seconds for the store, and stops the writer. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            writer.interrupt();
            LOG.warn("the access log could not write its last {} events within {} s", queue.size() + unsettled.get(),
                    CLOSE_WAIT.toSeconds());
        }
    }

    private void run() {
        try {
            while (!closing || !queue.isEmpty()) {
                AccessEvent event = queue.poll(200, TimeUnit.MILLISECONDS);
                if (event != null) {
                    write(event);
                }
            }
            endSession();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes one event, trying again after a pause while the store cannot be reached. */
    private void write(AccessEvent event) throws InterruptedException {
        while (true) {
            try {
                if (!templateReady) {
                    store.ensureTemplate();
                    templateReady = true;
                }
                if (session == null) {
                    session = store.writer().open(SETTINGS, new Outcomes());
                }
                session.create(event.document(), event);
                unsettled.incrementAndGet();
                pause = FIRST_PAUSE;
                return;
            } catch (StorageException e) {
                LOG.warn("the access log cannot write to {}: {}; trying again in {} s", store.description(), e.getMessage(),
                        pause.toSeconds());
                giveUpSession();
                if (closing) {
                    failed.incrementAndGet();
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(pause.toMillis());
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    /** Closes a session that gave up; what it never settled counts as failed (the event being tried is tried again). */
    private void giveUpSession() {
        if (session != null) {
            try {
                session.close();
            } catch (StorageException alreadyReported) {
                LOG.debug("the access log's bulk session ended with: {}", alreadyReported.getMessage());
            }
            session = null;
        }
        failed.addAndGet(unsettled.getAndSet(0));
    }

    private void endSession() {
        if (session != null) {
            try {
                session.close();
            } catch (StorageException e) {
                LOG.warn("the access log could not write its last events to {}: {}", store.description(), e.getMessage());
                failed.addAndGet(unsettled.getAndSet(0));
            }
        }
    }

    private final class Outcomes implements WriteOutcomes<AccessEvent> {

        @Override
        public void created(AccessEvent event) {
            unsettled.decrementAndGet();
            written.incrementAndGet();
        }

        @Override
        public void duplicate(AccessEvent event) {
            unsettled.decrementAndGet();
            written.incrementAndGet();
        }

        @Override
        public void rejected(AccessEvent event, String reason) {
            unsettled.decrementAndGet();
            failed.incrementAndGet();
            LOG.warn("the access log's store refused an access event for {}: {}", event.path(), reason);
        }

        @Override
        public void retried() {
        }
    }
}
