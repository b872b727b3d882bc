package io.logsearch.indexer.sources.thousandeyes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logsearch.indexer.sources.EcsExpectedEventTypes;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThousandEyesCategorizationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Login failed.                      | authentication | start",
        "Login successful.                  | authentication | start",
        "User logged in.                    | authentication | start",
        "Log in via SSO.                    | authentication | start",
        "SSO assertion accepted.            | authentication | start",
        "Signed in.                         | authentication | start",
        "Logout.                            | authentication | end",
        "Logout successful.                 | authentication | end",
        "User logged out.                   | authentication | end",
        "Sign-out.                          | authentication | end",
        "Two-factor authentication failed.  | authentication | info",
        "MFA challenge passed.              | authentication | info",
        "User created.                      | iam            | user creation",
        "User invited.                      | iam            | user creation",
        "User deleted.                      | iam            | user deletion",
        "User updated.                      | iam            | user change",
        "Two-factor authentication enabled. | iam            | user change",
        "MFA disabled.                      | iam            | user change",
        "Password reset.                    | iam            | user change",
        "Password reset requested.          | iam            | user change",
        "Password reset failed.             | iam            | user change",
        "API token regenerated.             | iam            | user change",
        "API token viewed.                  | iam            | user info",
        "Role updated.                      | iam            | admin change",
        "Permissions modified.              | iam            | admin change",
        "Access denied.                     | iam            | info",
        "Permission denied.                 | iam            | info",
        "Report created.                    | configuration  | creation",
        "Test added to dashboard.           | configuration  | creation",
        "Alert rule removed.                | configuration  | deletion",
        "Test deleted.                      | configuration  | deletion",
        "Test updated.                      | configuration  | change",
        "Agent disabled.                    | configuration  | change",
        "Test renamed.                      | configuration  | change",
        "Label assigned to agent.           | configuration  | change",
        "Agent moved to cluster.            | configuration  | change",
        "Address book exported.             | configuration  | info",
        "Logging settings viewed.           | configuration  | info",
        "Quantum flux recalibrated.         | configuration  | info",
    })
    void eventWordingPicksCategoryAndTypes(String eventText, String category, String types) {
        Categorization categorization = Categorization.of(eventText);
        assertEquals(new Categorization(category, List.of(types.split(" "))), categorization);
        EcsExpectedEventTypes.assertExpected(List.of(categorization.category()), categorization.types(), eventText);
    }
}
