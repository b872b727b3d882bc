package io.logsearch.storage;

import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The signed seal records of an index base (the integrity digests), kept in the store beside its
 * events but apart from them, each with its leaves as opaque chunks. Records are never replaced.
 */
public interface SealRecords {

    /** One record: its name (e.g. {@code <partition>.v<N>}) and its bytes. */
    record SealRecord(String name, byte[] bytes) {
    }

    /** Every record of the base, in name order. */
    List<SealRecord> all();

    /**
     * Stores {@code record} with its leaves, the chunks in order: the chunks first, so a record is
     * never there without them. Fails when a record of that name exists.
     */
    void add(SealRecord record, Iterator<byte[]> leafChunks);

    /** Hands the leaf chunks of the record {@code name} to {@code consumer} in order, one at a time; none when it has none. */
    void leaves(String name, Consumer<byte[]> consumer);
}
