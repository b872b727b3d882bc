package io.logsearch.poller;

/**
 * One page of a run: the span the run asks for and where in it the page is, in the vendor client's
 * own terms (a page number, the URL of {@code _links.next}, a user's place in the list). It is what
 * the checkpoint keeps of an unfinished run, so that a run killed mid-way resumes at its page.
 */
public record PageRequest(TimeSpan span, String position) {
}
