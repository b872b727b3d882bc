package io.logsearch.storage;

/**
 * How the store reports itself.
 *
 * @param status  the store's own health word, e.g. {@code green}
 * @param cluster the name of the cluster
 */
public record StoreHealth(String status, String cluster) {
}
