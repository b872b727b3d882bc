package io.logsearch.storage;

import java.util.function.Consumer;

/** Every stored document of a partition, read back as stored, for checking it against a seal. */
public interface EventDocuments {

    /**
     * Hands each document of {@code partition} to {@code consumer}, in no particular order (the
     * store may not sort by id), from one consistent snapshot, one page in memory at a time.
     */
    void forEach(String partition, Consumer<StoredDocument> consumer);
}
