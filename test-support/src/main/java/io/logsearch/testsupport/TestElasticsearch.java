package io.logsearch.testsupport;

/**
 * The real Elasticsearch a test class runs against, and the index base that is its own: no two
 * test classes share a base, so they never see each other's data.
 */
public record TestElasticsearch(String url, String indexBase) {
}
