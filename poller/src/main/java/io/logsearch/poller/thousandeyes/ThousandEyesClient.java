package io.logsearch.poller.thousandeyes;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.thousandeyes.ThousandEyesSource;
import io.logsearch.poller.JsonPages;
import io.logsearch.poller.PageRequest;
import io.logsearch.poller.PollFailedException;
import io.logsearch.poller.TimeSpan;
import io.logsearch.poller.Urls;
import io.logsearch.poller.VendorClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ThousandEyes' activity log, {@code GET /audit-user-events}, as its SDK asks: a bearer token,
 * {@code aid} and {@code useAllPermittedAids}, {@code startDate}/{@code endDate} (ISO-8601 UTC,
 * seconds), then {@code _links.next} (which carries the {@code cursor}) to the end. The first page's
 * position is empty; every later one is the URL of {@code _links.next}, followed only on the base's own origin.
 */
public final class ThousandEyesClient implements VendorClient {

    private static final Source SOURCE = new ThousandEyesSource();

    private final String base;
    private final Optional<String> token;
    private final Optional<String> aid;
    private final boolean allPermittedAids;

    public ThousandEyesClient(String base, Optional<String> token, Optional<String> aid, boolean allPermittedAids) {
        this.base = base;
        this.token = token;
        this.aid = aid;
        this.allPermittedAids = allPermittedAids;
        Urls.resolve(base, "/audit-user-events");
    }

    @Override
    public Source source() {
        return SOURCE;
    }

    @Override
    public String checkpointKey() {
        return "thousandeyes " + base + " aid=" + aid.orElse("") + " useAllPermittedAids=" + allPermittedAids;
    }

    @Override
    public String credential() {
        return "the bearer token (--token or LOGSEARCH_SOURCE_TOKEN)" + aid.map(a -> " for account group " + a).orElse("");
    }

    @Override
    public PageRequest first(TimeSpan span) {
        return new PageRequest(span, "");
    }

    @Override
    public String describe(PageRequest page) {
        return uri(page).toString();
    }

    @Override
    public HttpRequest request(PageRequest page, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(page)).timeout(timeout).GET()
                .header("Accept", "application/hal+json, application/problem+json");
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return request.build();
    }

    @Override
    public SourceContext context(PageRequest page) {
        return SourceContext.EMPTY;
    }

    @Override
    public Optional<PageRequest> next(PageRequest page, Path body) {
        JsonNode next = JsonPages.read(body).path("_links").path("next").path("href");
        if (!next.isTextual() || next.asText().isBlank()) {
            return Optional.empty();
        }
        URI link = URI.create(base).resolve(next.asText());
        if (!Urls.sameOrigin(URI.create(base), link)) {
            throw new PollFailedException("thousandeyes: _links.next points away from " + base + " (" + link
                    + "); the token is sent to the base URL's host only");
        }
        return Optional.of(new PageRequest(page.span(), link.toString()));
    }

    private URI uri(PageRequest page) {
        if (!page.position().isEmpty()) {
            return URI.create(page.position());
        }
        List<Map.Entry<String, String>> query = new ArrayList<>();
        aid.ifPresent(a -> query.add(Map.entry("aid", a)));
        if (allPermittedAids) {
            query.add(Map.entry("useAllPermittedAids", "true"));
        }
        query.add(Map.entry("startDate", iso(page.span().since())));
        query.add(Map.entry("endDate", iso(page.span().until())));
        return Urls.resolve(base, "/audit-user-events?" + Urls.query(query));
    }

    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
