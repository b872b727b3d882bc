package io.logsearch.indexer.sources.thousandeyes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThousandEyesAuditUserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "API Sandbox User (noreply@thousandeyes.com) | API Sandbox User | noreply@thousandeyes.com",
        "Jane (Ops) Doe (jane@x.com)                 | Jane (Ops) Doe   | jane@x.com",
        "Jane Doe (Ops)                              | Jane Doe (Ops)   | ``",
        "API Sandbox User                            | API Sandbox User | ``",
        "`  Jane Doe  ( jane@x.com )  `              | Jane Doe         | jane@x.com",
        "jane@x.com                                  | ``               | jane@x.com",
        "(jane@x.com)                                | ``               | jane@x.com",
        "Jane Doe (not an email)                     | Jane Doe (not an email) | ``",
        "Jane Doe (jane@x.com) extra                 | Jane Doe (jane@x.com) extra | ``",
        "Jane Doe ()                                 | Jane Doe ()      | ``",
        "``                                          | ``               | ``",
    })
    void splitsNameAndTrailingParenthesisedEmail(String text, String fullName, String email) {
        assertEquals(new AuditUser(fullName, email), AuditUser.parse(text));
    }
}
