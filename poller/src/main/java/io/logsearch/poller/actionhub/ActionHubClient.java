package io.logsearch.poller.actionhub;

import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.actionhub.ActionHubSource;
import io.logsearch.poller.JsonPages;
import io.logsearch.poller.PageRequest;
import io.logsearch.poller.TimeSpan;
import io.logsearch.poller.Urls;
import io.logsearch.poller.VendorClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ActionHub's user events, {@code GET /users/{user_id}/events} with the {@code program-id} header,
 * one request per user. ActionHub has no time filter: each user's history comes whole, and only the
 * events not yet stored are written (the rest are duplicates). The position is the user's place in
 * the list; a 404 is a user without events in the program.
 */
public final class ActionHubClient implements VendorClient {

    private static final Source SOURCE = new ActionHubSource();

    private final String base;
    private final Optional<String> token;
    private final String programId;
    private final List<String> users;

    public ActionHubClient(String base, Optional<String> token, String programId, List<String> users) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("ActionHub is polled user by user: name at least one user");
        }
        this.base = base;
        this.token = token;
        this.programId = programId;
        this.users = List.copyOf(users);
        Urls.resolve(base, "/users/");
    }

    @Override
    public Source source() {
        return SOURCE;
    }

    @Override
    public String checkpointKey() {
        return "actionhub " + base + " program-id=" + programId + " users=" + String.join(",", users.stream().sorted().toList());
    }

    @Override
    public String credential() {
        return "the bearer token (--token or LOGSEARCH_SOURCE_TOKEN) for program " + programId;
    }

    @Override
    public PageRequest first(TimeSpan span) {
        return new PageRequest(span, "0");
    }

    @Override
    public String describe(PageRequest page) {
        return uri(page).toString();
    }

    @Override
    public HttpRequest request(PageRequest page, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(page)).timeout(timeout).GET()
                .header("Accept", "application/json").header("program-id", programId);
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return request.build();
    }

    @Override
    public Optional<String> emptyPage(int status) {
        return status == 404 ? Optional.of("{\"history\": []}") : Optional.empty();
    }

    @Override
    public SourceContext context(PageRequest page) {
        return new SourceContext(Map.of(SourceContext.USER_ID, user(page), SourceContext.PROGRAM_ID, programId));
    }

    @Override
    public Optional<PageRequest> next(PageRequest page, Path body) {
        JsonPages.check(body);
        int next = Integer.parseInt(page.position()) + 1;
        return next < users.size() ? Optional.of(new PageRequest(page.span(), Integer.toString(next))) : Optional.empty();
    }

    private String user(PageRequest page) {
        return users.get(Integer.parseInt(page.position()));
    }

    private URI uri(PageRequest page) {
        return Urls.resolve(base, "/users/" + URLEncoder.encode(user(page), StandardCharsets.UTF_8).replace("+", "%20") + "/events");
    }
}
