package io.logsearch.indexer.sources.thousandeyes;

import io.logsearch.indexer.ecs.Outcome;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code event.outcome} of a ThousandEyes audit event. The vendor has no outcome field: a failed or
 * refused action shows only in the wording of the event text ("Login failed.", "Access denied").
 */
final class OutcomeRules {

    /** Whole words that mark the event text as reporting a failure; anything else is a success. */
    private static final List<Pattern> FAILURE_WORDING = List.of(
            word("fail(s|ed|ure)?"),
            word("denied"),
            word("unsuccessful(ly)?"),
            word("rejected"),
            word("invalid"),
            word("unauthori[sz]ed"),
            word("not (allowed|permitted)"),
            word("could not"),
            word("unable to"));

    private OutcomeRules() {
    }

    static Outcome outcomeOf(String eventText) {
        return FAILURE_WORDING.stream().anyMatch(rule -> rule.matcher(eventText).find())
                ? Outcome.FAILURE
                : Outcome.SUCCESS;
    }

    private static Pattern word(String regex) {
        return Pattern.compile("\\b(" + regex + ")\\b", Pattern.CASE_INSENSITIVE);
    }
}
