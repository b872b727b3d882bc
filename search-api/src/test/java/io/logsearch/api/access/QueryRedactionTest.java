package io.logsearch.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What the access log and the access line keep of a query: every filter, never a credential or a cursor. */
class QueryRedactionTest {

    @Test
    void credentialsCursorsAndSignaturesAreRedactedFiltersStay() {
        assertEquals("cursor=REDACTED&userId=42&access_token=REDACTED&accessKeySecret=REDACTED&password=REDACTED"
                        + "&api_key=REDACTED&X-Api-Key=REDACTED&client_secret=REDACTED&token=REDACTED&apiKey=REDACTED"
                        + "&key=REDACTED&sign=REDACTED&signature=REDACTED&Signed-Headers=REDACTED&q=token&window=24h",
                QueryRedaction.redact("cursor=eyJ0IjoxfQ.c2ln&userId=42&access_token=abc&accessKeySecret=s3cr3t&password=hunter2"
                        + "&api_key=k&X-Api-Key=k&client_secret=c&token=t&apiKey=k&key=k&sign=s&signature=s&Signed-Headers=h"
                        + "&q=token&window=24h"));
    }

    @Test
    void namesAreDecodedBeforeTheyAreJudged() {
        assertEquals("acc%65ss_tok%65n=REDACTED&flag&%63ursor=REDACTED", QueryRedaction.redact("acc%65ss_tok%65n=abc&flag&%63ursor=x"));
    }

    @Test
    void aNameWithInvalidPercentEncodingIsJudgedAsSent() {
        assertEquals("q%zz=1&token%7=REDACTED&%=x&%E0%A4%A=y", QueryRedaction.redact("q%zz=1&token%7=t&%=x&%E0%A4%A=y"));
    }

    @Test
    void aParameterWithoutValueOrAnEmptyQueryStaysAsItIs() {
        assertEquals("token&=x&", QueryRedaction.redact("token&=x&"));
        assertEquals("", QueryRedaction.redact(""));
    }
}
