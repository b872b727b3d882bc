package io.logsearch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.NodeSelector;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/** Creates Elasticsearch clients from {@link EsSettings}. Close a client with {@code client._transport().close()}. */
public final class EsClients {

    /**
     * Connections to the cluster: as many as the API server has request threads (Javalin's Jetty
     * pool holds 250), so requests hanging on a stalled Elasticsearch never leave the others, and
     * {@code /health}, waiting for a connection. The client's default is 10.
     */
    static final int MAX_CONNECTIONS = 256;
    /** How long a request may wait for a byte of the answer; longer is a failure, answered with 503. */
    static final int SOCKET_TIMEOUT_MILLIS = 30_000;
    /** How long a request may wait for a free connection when all are taken. */
    static final int CONNECTION_REQUEST_TIMEOUT_MILLIS = 10_000;

    private EsClients() {
    }

    /**
     * A client for {@code settings}: given every node {@code ES_URL} names, the low-level client
     * sends each request to the next node in turn and, when one does not answer, retries on
     * another and leaves the dead one out for a while (bulk requests excepted: see {@link ClusterTransport}).
     *
     * @throws IllegalArgumentException when {@code ES_CA_CERT} cannot be read or holds no PEM certificate
     */
    public static ElasticsearchClient create(EsSettings settings) {
        Optional<SSLContext> ssl = settings.caCertificate().map(EsClients::trusting);
        RestClientTransport everyNode = new RestClientTransport(restClient(settings, ssl, NodeSelector.ANY), new JacksonJsonpMapper());
        if (settings.urls().size() == 1) {
            return new ElasticsearchClient(everyNode);
        }
        RestClientTransport oneNode = new RestClientTransport(restClient(settings, ssl, ClusterTransport.ONE_NODE), new JacksonJsonpMapper());
        return new ElasticsearchClient(new ClusterTransport(everyNode, oneNode));
    }

    private static RestClient restClient(EsSettings settings, Optional<SSLContext> ssl, NodeSelector selector) {
        RestClientBuilder builder = RestClient.builder(settings.urls().stream().map(HttpHost::create).toArray(HttpHost[]::new))
                .setNodeSelector(selector);
        settings.apiKey().ifPresent(key -> builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + key)}));
        builder.setRequestConfigCallback(request -> request
                .setSocketTimeout(SOCKET_TIMEOUT_MILLIS)
                .setConnectionRequestTimeout(CONNECTION_REQUEST_TIMEOUT_MILLIS));
        builder.setHttpClientConfigCallback(http -> {
            http.setMaxConnPerRoute(MAX_CONNECTIONS).setMaxConnTotal(MAX_CONNECTIONS);
            settings.credentials().ifPresent(c -> {
                BasicCredentialsProvider provider = new BasicCredentialsProvider();
                provider.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(c.username(), c.password()));
                http.setDefaultCredentialsProvider(provider);
            });
            ssl.ifPresent(http::setSSLContext);
            return http;
        });
        return builder.build();
    }

    /** A TLS context that trusts the CA certificate in {@code pem}. */
    private static SSLContext trusting(Path pem) {
        try {
            return TransportUtils.sslContextFromHttpCaCrt(pem.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read ES_CA_CERT " + pem + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // the client wraps the certificate parser's complaint
            throw new IllegalArgumentException("ES_CA_CERT " + pem + " holds no PEM certificate: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
