package io.logsearch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/** Creates Elasticsearch clients from {@link EsSettings}. Close a client with {@code client._transport().close()}. */
public final class EsClients {

    private EsClients() {
    }

    public static ElasticsearchClient create(EsSettings settings) {
        RestClientBuilder builder = RestClient.builder(HttpHost.create(settings.url()));
        settings.apiKey().ifPresent(key -> builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + key)}));
        SSLContext ssl = settings.caCertificate().map(path -> {
            try {
                return TransportUtils.sslContextFromHttpCaCrt(path.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read ES_CA_CERT " + path, e);
            }
        }).orElse(null);
        builder.setHttpClientConfigCallback(http -> {
            settings.credentials().ifPresent(c -> {
                BasicCredentialsProvider provider = new BasicCredentialsProvider();
                provider.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(c.username(), c.password()));
                http.setDefaultCredentialsProvider(provider);
            });
            if (ssl != null) {
                http.setSSLContext(ssl);
            }
            return http;
        });
        return new ElasticsearchClient(new RestClientTransport(builder.build(), new JacksonJsonpMapper()));
    }
}
