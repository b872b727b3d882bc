package io.logsearch.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a synthetic export of one source in the vendor's own response shape: NDJSON, one response
 * body (page) per line. Output is streamed, so any number of events fits in constant memory.
 *
 * <p>Sources answering one query (ThousandEyes, Onehub) write at least its first page, empty when
 * there are no events; sources answering one query per user or user pool (ActionHub, Authing) write
 * nothing for those without events.
 */
public sealed interface ExportGenerator
        permits ActionHubExport, ThousandEyesExport, OnehubExport, AuthingExport {

    /** The source ids this generator supports, in the order of the SPEC. */
    List<String> SOURCE_IDS = List.of("actionhub", "thousandeyes", "onehub", "authing");

    static ExportGenerator forSource(String sourceId) {
        return switch (sourceId == null ? "" : sourceId) {
            case "actionhub" -> new ActionHubExport();
            case "thousandeyes" -> new ThousandEyesExport();
            case "onehub" -> new OnehubExport();
            case "authing" -> new AuthingExport();
            default -> throw new IllegalArgumentException("cannot generate source '" + sourceId
                    + "': expected one of " + String.join(", ", SOURCE_IDS));
        };
    }

    String sourceId();

    /**
     * Writes {@code spec.events()} records to {@code out} and flushes it; {@code out} stays open.
     *
     * @throws IllegalArgumentException when the span cannot hold that many distinct records
     */
    void write(GeneratorSpec spec, OutputStream out) throws IOException;
}
