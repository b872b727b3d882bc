package io.logsearch.cli;

import io.javalin.Javalin;
import io.logsearch.api.auth.Tokens;
import io.logsearch.api.server.ApiServer;
import io.logsearch.api.server.SecretFiles;
import io.logsearch.api.server.TlsIdentity;
import io.logsearch.storage.EventStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
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

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070", converter = OptionConverters.ListenPort.class,
            description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}). Any other than loopback needs --tokens, and --tls-cert/--tls-key or --insecure-http.")
    String bind;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "PEM certificate chain, the server's certificate first: serve HTTPS (with --tls-key).")
    Path tlsCertificate;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "PEM private key of --tls-cert (PKCS#8, PKCS#1 or SEC 1, unencrypted, mode 600).")
    Path tlsKey;

    @Option(names = "--insecure-http",
            description = "Serve plain HTTP on an address other than loopback (bearer tokens then cross the network in the clear).")
    boolean insecureHttp;

    @Option(names = "--tokens", paramLabel = "FILE", description = {
            "Bearer tokens file: {\"tokens\": [{\"name\", \"sha256\", \"organizations\": [\"*\"|ids], \"scopes\": [search, ingest, admin, audit],",
            "\"userId\"?, \"role\"?}]}. With it, every request needs a token but /health, / (the web page, which asks",
            "for one), /openapi.yaml and Authing's token exchange."})
    Path tokensFile;

    @Option(names = "--cursor-secret-file", paramLabel = "FILE",
            description = "Key for signing paging cursors (else $LOGSEARCH_CURSOR_SECRET; else random, and cursors die with the process).")
    Path cursorSecretFile;

    @Mixin
    SealOptions seal;

    @Option(names = "--seal-interval", paramLabel = "AGE", converter = OptionConverters.Age.class,
            description = "With --seal-keys and --digest-dir: seal every AGE (e.g. 15m; default 1h).")
    Duration sealInterval;

    @Option(names = "--poll", paramLabel = "FILE", description = {
            "Run pollers inside the server, writing into the index it serves, their state in /health:",
            "{\"pollers\": [{\"source\": \"thousandeyes\", \"url\": …, \"token\": \"$${TE_TOKEN}\", \"interval\": \"5m\"}, …]},",
            "each entry's keys being poll's options without their dashes; $${NAME} is an environment variable. Mode 600."})
    Path pollFile;

    @Override
    public Integer call() throws InterruptedException, IOException {
        Optional<Tokens> tokens = tokens(spec, tokensFile);
        if (tokens.isEmpty()) {
            requireLoopback(spec, bind);
        }
        Optional<TlsIdentity> tls = tls(spec, tlsCertificate, tlsKey);
        if (tls.isEmpty() && !insecureHttp) {
            requirePlainHttpLoopback(spec, bind);
        }
        Optional<byte[]> secret = cursorSecret(spec, cursorSecretFile);
        PeriodicSeal.checkOptions(seal, Optional.ofNullable(sealInterval));
        List<PollConfig.Entry> pollers = pollFile == null ? List.of() : PollConfig.read(pollFile, System::getenv);
        Elasticsearch es = Elasticsearch.unchecked();
        es.problem().ifPresent(problem -> System.err.println("logsearch: warning: " + problem
                + " Until it answers, the API answers 503."));
        EventStore events = index.on(es.client());
        Optional<PeriodicSeal> sealing = PeriodicSeal.start(seal, events, Optional.ofNullable(sealInterval));
        Optional<ServedPollers> polling = pollers.isEmpty() ? Optional.empty() : Optional.of(new ServedPollers(pollers, events, Clock.systemUTC()));
        Javalin server = ApiServer.start(bind, port, tls, cfg -> {
            cfg.store = events;
            cfg.tokens = tokens;
            cfg.cursorSecret = secret;
            cfg.integrity = seal.integrityCheck(events);
            polling.ifPresent(running -> cfg.health = Map.of("pollers", running::report));
        });
        System.out.println("logsearch is serving " + (tls.isPresent() ? "https" : "http") + "://" + bind + ":" + server.port()
                + "/ (Elasticsearch at " + es.url() + ")");
        ShutdownSteps shutdown = ShutdownSteps.install();
        shutdown.add("close the Elasticsearch client", es::close);
        sealing.ifPresent(periodic -> shutdown.add("stop sealing", periodic::close));
        polling.ifPresent(running -> shutdown.add("stop polling", running::close));
        shutdown.add("stop the server", server::stop);
        shutdown.add("say so", () -> System.out.println("Stopping..."));
        shutdown.await();
        return ExitCodes.OK;
    }

    static Optional<Tokens> tokens(CommandSpec spec, Path file) throws IOException {
        if (file == null) {
            return Optional.empty();
        }
        try {
            SecretFiles.requireOwnerOnly(file, "tokens file");
            return Optional.of(Tokens.read(file));
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "--tokens: no such file " + file);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--tokens: " + e.getMessage());
        }
    }

    static Optional<byte[]> cursorSecret(CommandSpec spec, Path file) throws IOException {
        byte[] secret;
        if (file != null) {
            if (!Files.isReadable(file)) {
                throw new ParameterException(spec.commandLine(), "--cursor-secret-file: cannot read " + file);
            }
            ownerOnly(spec, file, "--cursor-secret-file");
            secret = Files.readAllBytes(file);
        } else {
            String env = System.getenv("LOGSEARCH_CURSOR_SECRET");
            if (env == null || env.isBlank()) {
                return Optional.empty();
            }
            secret = env.getBytes(StandardCharsets.UTF_8);
        }
        if (secret.length < 16) {
            throw new ParameterException(spec.commandLine(), "the cursor secret must be at least 16 bytes");
        }
        return Optional.of(secret);
    }

    static Optional<TlsIdentity> tls(CommandSpec spec, Path certificate, Path key) throws IOException {
        if (certificate == null && key == null) {
            return Optional.empty();
        }
        if (certificate == null || key == null) {
            throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together: give both, or neither for plain HTTP");
        }
        try {
            TlsIdentity identity = TlsIdentity.read(certificate, key);
            ownerOnly(spec, key, "--tls-key");
            return Optional.of(identity);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static void ownerOnly(CommandSpec spec, Path file, String option) throws IOException {
        try {
            SecretFiles.requireOwnerOnly(file, option);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** A bearer token sent over plain HTTP across a network is a leaked token. */
    static void requirePlainHttpLoopback(CommandSpec spec, String bind) {
        if (!isLoopback(spec, bind)) {
            throw new ParameterException(spec.commandLine(), "--bind " + bind
                    + " would send bearer tokens across the network in the clear; give --tls-cert FILE --tls-key FILE, or --insecure-http");
        }
    }

    static void requireLoopback(CommandSpec spec, String bind) {
        if (!isLoopback(spec, bind)) {
            throw new ParameterException(spec.commandLine(), "--bind " + bind
                    + " would expose the API beyond this machine without authentication; give --tokens FILE, or bind a loopback address");
        }
    }

    private static boolean isLoopback(CommandSpec spec, String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--bind " + bind + " is not an address of this machine");
        }
    }
}
