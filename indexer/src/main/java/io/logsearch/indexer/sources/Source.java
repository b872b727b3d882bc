package io.logsearch.indexer.sources;

/**
 * One audit-log source: how its exports are laid out and how one of its records becomes an ECS
 * event. A new source is one new package with one implementation of this interface, registered in
 * {@link Sources}.
 */
public interface Source {

    /** The source id used on the command line and in {@code event.provider}, e.g. {@code thousandeyes}. */
    String id();

    /** Where records sit in the vendor's response body and which context a wrapper may carry. */
    ExportLayout layout();

    /**
     * Turns one vendor record into an ECS document.
     *
     * @param record  the record as read from the export, with its text for {@code event.original}
     * @param context values the record does not carry itself (user id, program id, user pool id)
     * @throws RejectedRecordException when the record cannot become a valid event; the message says why
     */
    NormalizedEvent normalize(SourceRecord record, SourceContext context);

    /**
     * Whether the records carry the vendor's own event ids, which are unique only within one of the
     * vendor's organizations: the document {@code _id} is then that id namespaced by source and
     * organization, also when the document is read back by the {@code ecs} source.
     */
    default boolean hasVendorEventIds() {
        return false;
    }
}
