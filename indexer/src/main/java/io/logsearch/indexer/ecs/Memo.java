package io.logsearch.indexer.ecs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers the results of a pure function of short texts (event types, verbs) that repeat across
 * millions of records, so the work behind them (pattern matching) is done once per distinct text.
 * Holds at most {@code capacity} results; texts beyond that are computed each time.
 */
public final class Memo<K, V> {

    private final Function<K, V> function;
    private final int capacity;
    private final Map<K, V> results = new ConcurrentHashMap<>();

    public Memo(Function<K, V> function, int capacity) {
        this.function = function;
        this.capacity = capacity;
    }

    public V apply(K key) {
        V known = results.get(key);
        if (known != null) {
            return known;
        }
        V computed = function.apply(key);
        if (results.size() < capacity) {
            results.put(key, computed);
        }
        return computed;
    }
}
