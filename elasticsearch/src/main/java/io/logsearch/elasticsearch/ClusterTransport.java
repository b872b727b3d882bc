package io.logsearch.elasticsearch;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.elasticsearch.client.Node;
import org.elasticsearch.client.NodeSelector;
import org.elasticsearch.client.RestClient;

/**
 * The transport of a client given several nodes. Requests go to the nodes in turn, and one that
 * finds its node dead is sent again to the next: except bulk requests, which go to one node only.
 * The low-level client re-sends a request body from the state the failed attempt left it in, so a
 * bulk request re-sent that way reaches the next node cut or doubled ("Malformed action/metadata
 * line"); {@link RetryingBulkTransport} re-sends a failed bulk request whole instead, and the node
 * it failed on is left out by then.
 */
final class ClusterTransport implements ElasticsearchTransport {

    /** Keeps the first of the live nodes the client offers, which it rotates from request to request. */
    static final NodeSelector ONE_NODE = new NodeSelector() {
        @Override
        public void select(Iterable<Node> nodes) {
            Iterator<Node> iterator = nodes.iterator();
            iterator.next();
            while (iterator.hasNext()) {
                iterator.next();
                iterator.remove();
            }
        }

        @Override
        public String toString() {
            return "ONE_NODE";
        }
    };

    private final RestClientTransport everyNode;
    private final RestClientTransport oneNode;

    /** {@code oneNode} is a client of the same nodes whose node selector is {@link #ONE_NODE}. */
    ClusterTransport(RestClientTransport everyNode, RestClientTransport oneNode) {
        this.everyNode = everyNode;
        this.oneNode = oneNode;
    }

    /** The low-level client of every node, for requests the typed client cannot make; it fails over like the rest. */
    RestClient restClient() {
        return everyNode.restClient();
    }

    /** The nodes' URLs, for messages. */
    String nodes() {
        return everyNode.restClient().getNodes().stream().map(n -> n.getHost().toURI()).collect(Collectors.joining(", "));
    }

    @Override
    public <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint,
                                                                  TransportOptions options) throws IOException {
        return transportFor(request).performRequest(request, endpoint, options);
    }

    @Override
    public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(
            RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
        return transportFor(request).performRequestAsync(request, endpoint, options);
    }

    private ElasticsearchTransport transportFor(Object request) {
        return request instanceof BulkRequest ? oneNode : everyNode;
    }

    @Override
    public JsonpMapper jsonpMapper() {
        return everyNode.jsonpMapper();
    }

    @Override
    public TransportOptions options() {
        return everyNode.options();
    }

    @Override
    public void close() throws IOException {
        try {
            everyNode.close();
        } finally {
            oneNode.close();
        }
    }
}
