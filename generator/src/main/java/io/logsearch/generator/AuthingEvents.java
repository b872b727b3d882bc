package io.logsearch.generator;

import java.util.List;
import java.util.SplittableRandom;

/** Authing user-action event types, how often they fail, and the details they log. */
final class AuthingEvents {

    record EventType(String name, double failureRate, List<String> successDetails, List<String> failureDetails) {

        String detail(boolean success, SplittableRandom random) {
            List<String> details = success ? successDetails : failureDetails;
            return details.get(random.nextInt(details.size()));
        }
    }

    /** Most frequent first. */
    static final Weighted<EventType> TYPES = Weighted.zipf(List.of(
            new EventType("login", 0.14,
                    List.of("Login with password", "Login with SMS code", "Login with email code", "Login with WeChat",
                            "Login with SSO (OIDC)"),
                    List.of("Incorrect account or password", "Account is locked", "Verification code is invalid",
                            "User does not exist")),
            new EventType("logout", 0.0, List.of("Logout"), List.of()),
            new EventType("verifyMfa", 0.09, List.of("MFA verified with OTP", "MFA verified with SMS code"),
                    List.of("MFA code is invalid", "MFA code has expired")),
            new EventType("updateProfile", 0.01, List.of("Updated nickname", "Updated photo", "Updated address"),
                    List.of("Nickname contains forbidden words")),
            new EventType("register", 0.05, List.of("Register with email", "Register with phone"),
                    List.of("Email already registered", "Password does not meet the password policy")),
            new EventType("resetPassword", 0.07, List.of("Reset password by email code", "Reset password by SMS code"),
                    List.of("Verification code has expired")),
            new EventType("changePassword", 0.04, List.of("Password changed"), List.of("Old password is incorrect")),
            new EventType("bindPhone", 0.03, List.of("Phone bound"), List.of("Phone number is already bound")),
            new EventType("bindEmail", 0.03, List.of("Email bound"), List.of("Email is already bound"))), 1.1);

    private AuthingEvents() {
    }
}
