package io.logsearch.poller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches one page into a file, waiting out what may pass: 429 as the vendor asks
 * ({@link Backoff}), 5xx, refused, dropped and stalled connections (a request that takes longer than
 * {@link PollSettings#requestTimeout()}, body included, is abandoned) exponentially with jitter, for
 * at most {@link PollSettings#giveUpAfter()}. A 401 or 403 stops the source; any other 4xx fails the run.
 */
public final class PageFetcher {

    private final HttpClient http;
    private final PollSettings settings;
    private final Backoff backoff;
    private final StopSignal stop;
    private final Clock clock;
    private Instant notBefore = Instant.MIN;

    public PageFetcher(HttpClient http, PollSettings settings, StopSignal stop, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.backoff = new Backoff(settings);
        this.stop = stop;
        this.clock = clock;
    }

    /**
     * The body of a 2xx answer to {@code page}, in a temporary file the caller deletes; empty when
     * stopped while waiting to retry.
     */
    public Optional<Path> fetch(VendorClient client, PageRequest page) {
        Instant troubleSince = clock.instant();
        String lastProblem = "";
        for (int retry = 1; ; retry++) {
            if (!waitUntil(notBefore)) {
                return Optional.empty();
            }
            HttpRequest request = client.request(page, settings.requestTimeout());
            Path body = tempFile();
            Duration pause;
            try {
                HttpResponse<Path> response = send(request, body);
                int status = response.statusCode();
                if (status / 100 == 2) {
                    backoff.quotaExhausted(response.headers(), clock.instant()).ifPresent(wait -> notBefore = clock.instant().plus(wait));
                    return Optional.of(body);
                }
                Optional<String> empty = client.emptyPage(status);
                if (empty.isPresent()) {
                    Files.writeString(body, empty.get(), StandardCharsets.UTF_8);
                    return Optional.of(body);
                }
                String answer = excerpt(body);
                delete(body);
                if (status == 401 || status == 403) {
                    throw new CredentialRefusedException(client.source().id(), client.credential(), status, request.uri().toString());
                }
                lastProblem = "HTTP " + status + " " + answer;
                if (status == 429) {
                    pause = backoff.rateLimited(response.headers(), clock.instant(), retry);
                } else if (status >= 500) {
                    pause = backoff.exponential(retry);
                } else {
                    throw new PollFailedException(client.source().id() + ": GET " + request.uri() + " answered HTTP " + status + ": " + answer);
                }
            } catch (IOException | TimeoutException e) {
                delete(body);
                lastProblem = e instanceof TimeoutException ? "no complete answer within " + settings.requestTimeout().toSeconds() + " s"
                        : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                pause = backoff.exponential(retry);
            }
            if (Duration.between(troubleSince, clock.instant().plus(pause)).compareTo(settings.giveUpAfter()) > 0) {
                throw new PollFailedException(client.source().id() + ": " + request.uri() + " could not be fetched for "
                        + Duration.between(troubleSince, clock.instant()).toSeconds() + " s (" + retry + " attempts); last: " + lastProblem);
            }
            notBefore = clock.instant().plus(pause);
        }
    }

    private HttpResponse<Path> send(HttpRequest request, Path body) throws IOException, TimeoutException {
        CompletableFuture<HttpResponse<Path>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofFile(body));
        try {
            return answer.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new PollFailedException("GET " + request.uri() + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw new IOException("interrupted", e);
        }
    }

    /** False when stopped while waiting. */
    private boolean waitUntil(Instant instant) {
        Duration wait = Duration.between(clock.instant(), instant.isBefore(Instant.EPOCH) ? clock.instant() : instant);
        return wait.isNegative() || wait.isZero() || !stop.await(wait);
    }

    private static Path tempFile() {
        try {
            return Files.createTempFile("logsearch-poll-", ".json");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for a page", e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary page " + file, e);
        }
    }

    private static String excerpt(Path body) {
        try {
            String text = Files.readString(body, StandardCharsets.UTF_8).strip();
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        } catch (IOException e) {
            return "(the body could not be read: " + e.getMessage() + ")";
        }
    }
}
