package io.logsearch.api.access;

import io.logsearch.mappings.AccessLogIndex;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.BulkSettings;
import io.logsearch.storage.EventAggregations;
import io.logsearch.storage.EventDocument;
import io.logsearch.storage.EventDocuments;
import io.logsearch.storage.EventPartitions;
import io.logsearch.storage.EventSearch;
import io.logsearch.storage.EventStore;
import io.logsearch.storage.EventWriter;
import io.logsearch.storage.SealRecords;
import io.logsearch.storage.WriteOutcomes;
import io.logsearch.storage.WriteSession;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An access log store that writes into a list, or, while {@link #stall} holds, blocks every write
 * as a store that does not answer would.
 */
final class FakeAccessStore implements EventStore {

    final List<EventDocument> written = new CopyOnWriteArrayList<>();
    final CountDownLatch stall;

    FakeAccessStore(boolean stalled) {
        this.stall = new CountDownLatch(stalled ? 1 : 0);
    }

    @Override
    public Partitioning partitions() {
        return AccessLogIndex.partitioning("fake");
    }

    @Override
    public boolean ensureTemplate() {
        return false;
    }

    @Override
    public void installTemplate() {
    }

    @Override
    public EventWriter writer() {
        return new EventWriter() {
            @Override
            public <C> WriteSession<C> open(BulkSettings settings, WriteOutcomes<C> outcomes) {
                return new WriteSession<>() {
                    @Override
                    public void create(EventDocument event, C context) {
                        try {
                            stall.await(1, TimeUnit.MINUTES);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        written.add(event);
                        outcomes.created(context);
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    /** A search that is never asked anything: the plugin only hands it to {@code /v1/access}. */
    @Override
    public EventSearch search() {
        return (EventSearch) Proxy.newProxyInstance(EventSearch.class.getClassLoader(), new Class<?>[] {EventSearch.class},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Override
    public EventAggregations aggregations() {
        throw new UnsupportedOperationException();
    }

    @Override
    public EventPartitions partitionAdmin() {
        throw new UnsupportedOperationException();
    }

    @Override
    public EventDocuments documents() {
        throw new UnsupportedOperationException();
    }

    @Override
    public SealRecords seals() {
        throw new UnsupportedOperationException();
    }

    @Override
    public EventStore accessLog() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String description() {
        return "a fake store";
    }
}
