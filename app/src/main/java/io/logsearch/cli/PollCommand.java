package io.logsearch.cli;

import io.logsearch.indexer.load.DeadLetterFile;
import io.logsearch.indexer.load.LoadCounters;
import io.logsearch.indexer.load.LoadFailedException;
import io.logsearch.indexer.load.LoadSummary;
import io.logsearch.indexer.sources.Source;
import io.logsearch.poller.CheckpointFile;
import io.logsearch.poller.PageFetcher;
import io.logsearch.poller.PollFailedException;
import io.logsearch.poller.PollSettings;
import io.logsearch.poller.Poller;
import io.logsearch.poller.StopSignal;
import io.logsearch.poller.VendorClient;
import io.logsearch.poller.actionhub.ActionHubClient;
import io.logsearch.poller.authing.AuthingClient;
import io.logsearch.poller.onehub.OnehubClient;
import io.logsearch.poller.thousandeyes.ThousandEyesClient;
import io.logsearch.storage.BulkSettings;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "poll", description = {
        "Pull a vendor's live API into Elasticsearch, as the vendor's own clients ask it, with a checkpoint per source,",
        "organization and query. Credentials are never echoed or logged; prefer the environment variables to the flags.",
        "--once pulls everything new and exits (0, or 3 when records were rejected); without it, polls every --interval",
        "until SIGTERM, which finishes the page in hand and saves the checkpoint."})
final class PollCommand implements Callable<Integer> {

    static final String TOKEN_ENV = "LOGSEARCH_SOURCE_TOKEN";
    static final String SECRET_ENV = "LOGSEARCH_AUTHING_ACCESS_KEY_SECRET";

    @Spec
    CommandSpec spec;

    @Mixin
    IndexOptions index;

    @Option(names = "--source", required = true, paramLabel = "SOURCE", converter = SourceOption.class,
            description = "thousandeyes, authing, onehub or actionhub.")
    Source source;

    @Option(names = "--url", required = true, paramLabel = "BASE",
            description = "The vendor API's base URL, e.g. https://api.thousandeyes.com/v7, or a logsearch's http://HOST:7070/compat/<vendor>.")
    String url;

    @Option(names = "--checkpoint", paramLabel = "FILE", defaultValue = "logsearch-checkpoints.json",
            description = "The checkpoint file (default: logsearch-checkpoints.json); one file holds many sources.")
    Path checkpoint;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "60s", converter = OptionConverters.Age.class,
            description = "Time between polls without --once (default: 60s).")
    Duration interval;

    @Option(names = "--once", description = "Pull everything new once and exit.")
    boolean once;

    @Option(names = "--overlap", paramLabel = "DURATION", defaultValue = "15m", converter = OptionConverters.Age.class,
            description = "How far each poll reaches back before the end of the last one, for late events (default: 15m).")
    Duration overlap;

    @Option(names = "--since", paramLabel = "ISO-8601",
            description = "Where the first poll starts, without a checkpoint (default: 1970-01-01T00:00:00Z, everything).")
    String since;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s", converter = OptionConverters.Age.class,
            description = "How long one request may take, body included, before it is retried (default: 60s).")
    Duration timeout;

    @Option(names = "--dead-letter", paramLabel = "FILE",
            description = "Where rejected records go, one JSON line each (default: logsearch-rejected-<UTC time>.ndjson, created only when needed).")
    Path deadLetter;

    @Option(names = "--token", paramLabel = "TOKEN", description = "ThousandEyes, Onehub, ActionHub: the bearer token (default: $" + TOKEN_ENV + ").")
    String token;

    @Option(names = "--aid", paramLabel = "ID", description = "ThousandEyes: the account group.")
    String aid;

    @Option(names = "--use-all-permitted-aids", description = "ThousandEyes: every account group the token may see.")
    boolean allPermittedAids;

    @Option(names = "--access-key-id", paramLabel = "ID", description = "Authing: the access key id.")
    String accessKeyId;

    @Option(names = "--access-key-secret", paramLabel = "SECRET", description = "Authing: the access key secret (default: $" + SECRET_ENV + ").")
    String accessKeySecret;

    @Option(names = "--user-pool-id", paramLabel = "ID", description = "Authing: the access key's user pool, the records' organization.")
    String userPoolId;

    @Option(names = "--workspaces", paramLabel = "ID,…", split = ",", description = "Onehub: the workspaces (default: all the token sees).")
    List<String> workspaces = new ArrayList<>();

    @Option(names = "--program-id", paramLabel = "ID", description = "ActionHub: the program (the program-id header).")
    String programId;

    @Option(names = "--users", paramLabel = "ID,…", split = ",", description = "ActionHub: the users whose histories are pulled.")
    List<String> users = new ArrayList<>();

    @Option(names = "--users-file", paramLabel = "FILE", description = "ActionHub: the users, one per line (# starts a comment).")
    Path usersFile;

    @Override
    public Integer call() throws IOException {
        VendorClient client = client();
        PollSettings settings = settings();
        StopSignal stop = new StopSignal();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.stop();
            try {
                finished.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "poll-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Elasticsearch es = Elasticsearch.fromEnvironment();
             DeadLetterFile rejected = new DeadLetterFile(deadLetterPath(DeadLetterFile.defaultPath(Instant.now())))) {
            Clock clock = Clock.systemUTC();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            Poller poller = new Poller(client, new PageFetcher(http, settings, stop, clock), index.on(es.client()), BulkSettings.DEFAULTS,
                    new CheckpointFile(checkpoint), settings, stop, clock);
            LoadCounters counters;
            do {
                counters = new LoadCounters();
                long start = System.nanoTime();
                try (ProgressDisplay progress = new ProgressDisplay("poll " + source.id(), counters, 0)) {
                    poller.poll(rejected, counters);
                } catch (PollFailedException | LoadFailedException e) {
                    if (once) {
                        System.out.println(partialSummary(counters));
                        throw e;
                    }
                    System.err.println("logsearch poll: " + e.getMessage() + "; trying again in " + interval.toSeconds() + " s");
                }
                System.out.println(new LoadSummary(counters.read(), counters.indexed(), counters.duplicates(), counters.rejected(),
                        Duration.ofNanos(System.nanoTime() - start)).line());
            } while (!once && !stop.requested() && !stop.await(interval));
            if (rejected.count() == 0) {
                return ExitCodes.OK;
            }
            System.err.println(rejected.count() + " record(s) rejected; reasons and originals in " + rejected.path().toAbsolutePath());
            return ExitCodes.REJECTED;
        } finally {
            finished.countDown();
        }
    }

    PollSettings settings() {
        return PollSettings.DEFAULTS.withFirstSince(firstSince()).withOverlap(overlap).withRequestTimeout(timeout);
    }

    Path deadLetterPath(Path otherwise) {
        return deadLetter != null ? deadLetter : otherwise;
    }

    Duration interval() {
        return interval;
    }

    Path checkpoint() {
        return checkpoint;
    }

    /** The vendor's client, its options checked: a missing or bad one is a {@link ParameterException} naming it. */
    VendorClient client() throws IOException {
        Optional<String> bearer = Optional.ofNullable(token).or(() -> Optional.ofNullable(System.getenv(TOKEN_ENV))).filter(t -> !t.isBlank());
        try {
            return switch (source.id()) {
                case "thousandeyes" -> new ThousandEyesClient(url, bearer, Optional.ofNullable(aid), allPermittedAids);
                case "onehub" -> new OnehubClient(url, bearer, workspaces);
                case "actionhub" -> new ActionHubClient(url, bearer, required(programId, "--program-id"), users());
                case "authing" -> new AuthingClient(url, required(accessKeyId, "--access-key-id"),
                        required(Optional.ofNullable(accessKeySecret).orElse(System.getenv(SECRET_ENV)), "--access-key-secret (or " + SECRET_ENV + ")"),
                        required(userPoolId, "--user-pool-id"), Clock.systemUTC());
                default -> throw new ParameterException(spec.commandLine(), "--source " + source.id()
                        + " has no live API to poll; expected thousandeyes, authing, onehub or actionhub");
            };
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private List<String> users() throws IOException {
        List<String> all = new ArrayList<>(users.stream().map(String::strip).filter(u -> !u.isEmpty()).toList());
        if (usersFile != null) {
            if (!Files.isReadable(usersFile)) {
                throw new ParameterException(spec.commandLine(), "--users-file " + usersFile + " cannot be read");
            }
            Files.readAllLines(usersFile).stream().map(String::strip).filter(u -> !u.isEmpty() && !u.startsWith("#")).forEach(all::add);
        }
        if (all.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--source actionhub needs --users u1,u2 or --users-file FILE");
        }
        return all.stream().distinct().toList();
    }

    private String required(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--source " + source.id() + " needs " + option);
        }
        return value;
    }

    private Instant firstSince() {
        if (since == null) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--since must be an ISO-8601 instant such as 2026-01-01T00:00:00Z: " + since);
        }
    }

    private static String partialSummary(LoadCounters counters) {
        return "stopped: read=" + counters.read() + " indexed=" + counters.indexed() + " duplicates=" + counters.duplicates()
                + " rejected=" + counters.rejected() + " (poll again to go on from the checkpoint; nothing is written twice)";
    }
}
