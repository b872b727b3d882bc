package io.logsearch.cli;

import io.javalin.Javalin;
import io.logsearch.api.server.ApiServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = "Serve the HTTP API and the web page until stopped (Ctrl-C or SIGTERM).")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    IndexOptions index;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070", description = "Port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}). Only loopback addresses are allowed: this version has no authentication.")
    String bind;

    @Override
    public Integer call() throws InterruptedException {
        requireLoopback(spec, bind);
        Elasticsearch es = Elasticsearch.fromEnvironment();
        Javalin server = ApiServer.start(index.on(es.client()), bind, port);
        System.out.println("logsearch is serving http://" + bind + ":" + server.port() + "/ (Elasticsearch at " + es.url() + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            es.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }

    static void requireLoopback(CommandSpec spec, String bind) {
        try {
            if (!InetAddress.getByName(bind).isLoopbackAddress()) {
                throw new ParameterException(spec.commandLine(), "--bind " + bind
                        + " would expose the API beyond this machine, and this version has no authentication; bind a loopback address");
            }
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--bind " + bind + " is not an address of this machine");
        }
    }
}
