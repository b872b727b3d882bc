package io.logsearch.localnode;

/** Where the node reports what it is doing during slow steps (fetching, unpacking, starting). */
@FunctionalInterface
public interface Progress {

    void report(String message);
}
