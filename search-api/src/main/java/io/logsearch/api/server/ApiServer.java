package io.logsearch.api.server;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.logsearch.api.AccessLog;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.LogSearchConfig;
import io.logsearch.api.LogSearchPlugin;
import io.logsearch.api.Problems;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone server: the plugin at the root, problem+json for every error (Jetty's refusals of malformed requests, Javalin's own 404,
 * 405 and 413 included, stack traces never), and one {@link AccessLog} line per request. A known path asked
 * with another method is a 405 with {@code Allow}, which the plugin answers for its paths.
 */
public final class ApiServer {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /** The request line and headers together: room for several filter values of 10,000 characters each. */
    static final int MAX_REQUEST_HEAD_BYTES = 128 * 1024;

    private ApiServer() {
    }

    /** Starts the server on plain HTTP; {@code plugin} configures the API (index, tokens, cursor secret). */
    public static Javalin start(String bindAddress, int port, Consumer<LogSearchConfig> plugin) {
        return start(bindAddress, port, Optional.empty(), plugin);
    }

    /** Starts the server, on HTTPS only when {@code tls} is given; {@code plugin} configures the API. */
    public static Javalin start(String bindAddress, int port, Optional<TlsIdentity> tls, Consumer<LogSearchConfig> plugin) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = bindAddress;
            config.jetty.port = port;
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_HEAD_BYTES));
            tls.ifPresent(identity -> config.jetty.addConnector((server, http) -> https(server, http, identity, bindAddress, port)));
            config.http.prefer405over404 = true;
            config.registerPlugin(new LogSearchPlugin(plugin));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> Problems.write(ctx,
                    new ApiProblem(e.getStatus(), HttpStatus.forStatus(e.getStatus()).getMessage(), e.getMessage(), List.of())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
                Problems.write(ctx, new ApiProblem(500, "Internal error", "The request could not be completed.", List.of()));
            });
            config.requestLogger.http(AccessLog::log);
        });
        return app.start();
    }

    /** The only connector when given: Javalin adds its plain one only when there is none. */
    private static Connector https(Server server, HttpConfiguration http, TlsIdentity identity, String bindAddress, int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(identity.keyStore());
        ssl.setKeyStorePassword(identity.password());
        HttpConfiguration secure = new HttpConfiguration(http);
        secure.addCustomizer(new SecureRequestCustomizer());
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(secure));
        connector.setHost(bindAddress);
        connector.setPort(port);
        return connector;
    }
}
