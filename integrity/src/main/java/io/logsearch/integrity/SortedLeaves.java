package io.logsearch.integrity;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Leaves that arrive in any order, handed back in {@code _id} order with bounded memory: runs of
 * at most {@code runSize} leaves are sorted in memory and spilled to files in {@code workDir},
 * then merged. Closing deletes the files.
 */
public final class SortedLeaves implements Closeable {

    public static final int DEFAULT_RUN_SIZE = 100_000;

    private final Path workDir;
    private final int runSize;
    private final List<Leaf> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private final List<LeafFile.Reader> readers = new ArrayList<>();

    public SortedLeaves(Path workDir, int runSize) {
        if (runSize < 1) {
            throw new IllegalArgumentException("a run holds at least one leaf, not " + runSize);
        }
        this.workDir = workDir;
        this.runSize = runSize;
    }

    public void add(Leaf leaf) {
        buffer.add(leaf);
        if (buffer.size() == runSize) {
            spill();
        }
    }

    /** The leaves added, in {@code _id} order; call once, after the last {@link #add}. */
    public Iterator<Leaf> sorted() throws IOException {
        buffer.sort(Comparator.comparing(Leaf::id, Leaf.ID_ORDER));
        if (runs.isEmpty()) {
            return List.copyOf(buffer).iterator();
        }
        spill();
        record Head(Leaf leaf, LeafFile.Reader reader) {
        }
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing((Head h) -> h.leaf().id(), Leaf.ID_ORDER));
        for (Path run : runs) {
            LeafFile.Reader reader = new LeafFile.Reader(run);
            readers.add(reader);
            if (reader.hasNext()) {
                heads.add(new Head(reader.next(), reader));
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public Leaf next() {
                Head head = heads.poll();
                if (head == null) {
                    throw new NoSuchElementException();
                }
                if (head.reader().hasNext()) {
                    heads.add(new Head(head.reader().next(), head.reader()));
                }
                return head.leaf();
            }
        };
    }

    private void spill() {
        if (buffer.isEmpty()) {
            return;
        }
        buffer.sort(Comparator.comparing(Leaf::id, Leaf.ID_ORDER));
        try {
            Path run = Files.createTempFile(workDir, "leaves-", ".run");
            runs.add(run);
            try (LeafFile.Writer writer = new LeafFile.Writer(run)) {
                buffer.forEach(writer::write);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill sorted leaves to " + workDir, e);
        }
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        for (LeafFile.Reader reader : readers) {
            reader.close();
        }
        for (Path run : runs) {
            Files.deleteIfExists(run);
        }
    }
}
