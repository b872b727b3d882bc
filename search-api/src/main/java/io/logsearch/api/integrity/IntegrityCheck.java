package io.logsearch.api.integrity;

import io.logsearch.integrity.VerificationReport;
import java.io.IOException;
import java.time.Instant;

/** Verifies the served index base against its digests, for {@code GET /v1/integrity} (e.g. a {@code Verifier}). */
@FunctionalInterface
public interface IntegrityCheck {

    /** The report of the partitions that overlap {@code [from, to]}; the chain and the digests' copies are checked whole. */
    VerificationReport verify(Instant from, Instant to) throws IOException;
}
