package io.logsearch.poller;

import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How one vendor's list API is asked for its events, page by page, as the vendor's own clients ask.
 * A fifth vendor is one package implementing this.
 */
public interface VendorClient {

    /** The source whose normaliser the records go through, as with {@code load}. */
    Source source();

    /** What the checkpoint is kept under: the source, the organization and the query, never a credential. */
    String checkpointKey();

    /** The credential a 401 or 403 refuses, named for the message (e.g. {@code the bearer token (--token)}). */
    String credential();

    /** The first page of a run over {@code span}. */
    PageRequest first(TimeSpan span);

    /** The HTTP request for a page, built (and signed) afresh for every attempt. */
    HttpRequest request(PageRequest page, Duration timeout);

    /** Where the page is, for the dead-letter file and messages: its URL (and page number, for a POST). */
    String describe(PageRequest page);

    /**
     * A page without records to stand for an answer that means "nothing here" in this vendor's API
     * (ActionHub's 404 for a user without events in the program); empty for any other status.
     */
    default Optional<String> emptyPage(int status) {
        return Optional.empty();
    }

    /** Context the page's records do not carry themselves (ActionHub's user and program, Authing's user pool). */
    SourceContext context(PageRequest page);

    /**
     * The page after {@code page}, read from its body (a 2xx answer), or empty when it was the last.
     *
     * @throws UnreadablePageException when the body is not JSON: no next page can be known
     * @throws CredentialRefusedException when the body is the vendor's refusal of the credential
     * @throws PollFailedException when the body is another error the vendor answered
     */
    Optional<PageRequest> next(PageRequest page, Path body);
}
