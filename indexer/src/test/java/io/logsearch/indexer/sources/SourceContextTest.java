package io.logsearch.indexer.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A missing context value is explained in the terms of the caller that could have given it. */
class SourceContextTest {

    @Test
    void theCommandLineIsToldItsFlag() {
        RejectedRecordException rejected = assertThrows(RejectedRecordException.class,
                () -> SourceContext.EMPTY.require(SourceContext.USER_POOL_ID));
        assertEquals("missing context 'userPoolId': give it with --user-pool-id, or in a wrapper object next to the records",
                rejected.getMessage());
    }

    @Test
    void anIngestRequestIsToldItsQueryParameterNeverTheCommandLine() {
        SourceContext ingest = new SourceContext(Map.of(), SourceContext.Given.INGEST_PARAMETERS)
                .with(Map.of(SourceContext.USER_ID, "42")).only(List.of(SourceContext.USER_ID, SourceContext.PROGRAM_ID));
        assertEquals("42", ingest.require(SourceContext.USER_ID));
        RejectedRecordException rejected = assertThrows(RejectedRecordException.class, () -> ingest.require(SourceContext.PROGRAM_ID));
        assertEquals("missing context 'programId': give it as the programId query parameter, or in a wrapper object next to the records",
                rejected.getMessage());
    }

    @Test
    void onlyKeepsTheNamedKeys() {
        SourceContext context = new SourceContext(Map.of(SourceContext.USER_ID, "42", SourceContext.USER_POOL_ID, "pool"));
        assertEquals(Map.of(SourceContext.USER_ID, "42"), context.only(List.of(SourceContext.USER_ID, SourceContext.PROGRAM_ID)).values());
    }
}
