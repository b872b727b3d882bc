package io.logsearch.poller.onehub;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.onehub.OnehubSource;
import io.logsearch.poller.JsonPages;
import io.logsearch.poller.PageRequest;
import io.logsearch.poller.TimeSpan;
import io.logsearch.poller.Urls;
import io.logsearch.poller.VendorClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Onehub's event listing, {@code GET /activity/}: a bearer token, {@code workspaces[]},
 * {@code start_time}/{@code end_time} in RFC 2822 (UTC, {@code +0000}), then {@code page} until
 * {@code total_pages}. The position is the page number.
 */
public final class OnehubClient implements VendorClient {

    private static final Source SOURCE = new OnehubSource();
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String base;
    private final Optional<String> token;
    private final List<String> workspaces;

    public OnehubClient(String base, Optional<String> token, List<String> workspaces) {
        this.base = base;
        this.token = token;
        this.workspaces = workspaces.stream().sorted().toList();
        Urls.resolve(base, "/activity/");
    }

    @Override
    public Source source() {
        return SOURCE;
    }

    @Override
    public String checkpointKey() {
        return "onehub " + base + " workspaces=" + String.join(",", workspaces);
    }

    @Override
    public String credential() {
        return "the bearer token (--token or LOGSEARCH_SOURCE_TOKEN)"
                + (workspaces.isEmpty() ? "" : " for workspaces " + String.join(",", workspaces));
    }

    @Override
    public PageRequest first(TimeSpan span) {
        return new PageRequest(span, "1");
    }

    @Override
    public String describe(PageRequest page) {
        return uri(page).toString();
    }

    @Override
    public HttpRequest request(PageRequest page, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(page)).timeout(timeout).GET().header("Accept", "application/json");
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return request.build();
    }

    @Override
    public SourceContext context(PageRequest page) {
        return SourceContext.EMPTY;
    }

    @Override
    public Optional<PageRequest> next(PageRequest page, Path body) {
        JsonNode listing = JsonPages.read(body);
        long current = Long.parseLong(page.position());
        boolean more = listing.path("items").size() > 0 && current < listing.path("total_pages").asLong(0);
        return more ? Optional.of(new PageRequest(page.span(), Long.toString(current + 1))) : Optional.empty();
    }

    private URI uri(PageRequest page) {
        List<Map.Entry<String, String>> query = new ArrayList<>();
        workspaces.forEach(w -> query.add(Map.entry("workspaces[]", w)));
        query.add(Map.entry("start_time", rfc2822(page.span().since())));
        query.add(Map.entry("end_time", rfc2822(page.span().until())));
        query.add(Map.entry("page", page.position()));
        return Urls.resolve(base, "/activity/?" + Urls.query(query).replace("workspaces[]=", "workspaces%5B%5D="));
    }

    private static String rfc2822(Instant instant) {
        return RFC_2822.format(instant);
    }
}
