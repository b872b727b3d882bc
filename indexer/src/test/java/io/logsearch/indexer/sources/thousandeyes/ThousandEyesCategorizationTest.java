package io.logsearch.indexer.sources.thousandeyes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThousandEyesCategorizationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Login failed.                     | authentication | start",
        "Login successful.                 | authentication | start",
        "User logged in.                   | authentication | start",
        "Log in via SSO.                   | authentication | start",
        "SSO assertion accepted.           | authentication | start",
        "Signed in.                        | authentication | start",
        "Logout.                           | authentication | end",
        "User logged out.                  | authentication | end",
        "Sign-out.                         | authentication | end",
        "User created.                     | iam            | creation",
        "User invited.                     | iam            | creation",
        "User deleted.                     | iam            | deletion",
        "Permissions modified.             | iam            | change",
        "Two-factor authentication enabled. | iam           | change",
        "MFA disabled.                     | iam            | change",
        "Role updated.                     | iam            | change",
        "Password reset.                   | iam            | change",
        "API token viewed.                 | iam            | info",
        "Report created.                   | configuration  | creation",
        "Test added to dashboard.          | configuration  | creation",
        "Alert rule removed.               | configuration  | deletion",
        "Test deleted.                     | configuration  | deletion",
        "Test updated.                     | configuration  | change",
        "Agent disabled.                   | configuration  | change",
        "Test renamed.                     | configuration  | change",
        "Label assigned to agent.          | configuration  | change",
        "Agent moved to cluster.           | configuration  | change",
        "Address book exported.            | configuration  | info",
        "Logging settings viewed.          | configuration  | info",
        "Quantum flux recalibrated.        | configuration  | info",
    })
    void eventWordingPicksCategoryAndType(String eventText, String category, String type) {
        assertEquals(new Categorization(category, type), Categorization.of(eventText));
    }
}
