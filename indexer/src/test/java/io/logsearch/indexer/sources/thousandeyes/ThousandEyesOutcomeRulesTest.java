package io.logsearch.indexer.sources.thousandeyes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logsearch.indexer.ecs.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThousandEyesOutcomeRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "Login failed.",
        "Access denied",
        "Test update failed",
        "SSO login FAILED.",
        "Alert notification fails",
        "Report generation failure.",
        "Permission denied.",
        "Unsuccessful login attempt.",
        "Login unsuccessfully attempted.",
        "API token rejected.",
        "Invalid password.",
        "Unauthorized access to account group.",
        "Unauthorised request.",
        "Account switch not allowed.",
        "Operation not permitted.",
        "Could not send report.",
        "Unable to delete test.",
    })
    void failureWordingMakesAFailure(String eventText) {
        assertEquals(Outcome.FAILURE, OutcomeRules.outcomeOf(eventText));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Login successful.",
        "Report created.",
        "Logout.",
        "Failover test created.",
        "Access denial policy updated.",
        "Validation rule added.",
        "Password reset requested.",
        "Something nobody has seen before.",
        "",
    })
    void anyOtherWordingIsASuccess(String eventText) {
        assertEquals(Outcome.SUCCESS, OutcomeRules.outcomeOf(eventText));
    }
}
