package io.logsearch.api.compat.authing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManagementTokensTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final byte[] SECRET = "a server secret of some length".getBytes(StandardCharsets.UTF_8);
    private final ManagementTokens tokens = new ManagementTokens(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anIssuedTokenNamesItsLogsearchTokenAndIsAJwt() {
        String token = tokens.issue("ops");
        assertEquals(3, token.split("\\.").length);
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertEquals("{\"sub\":\"ops\",\"iat\":1735689600,\"exp\":1735696800}", claims);
        assertEquals(Optional.of("ops"), tokens.verify(token));
    }

    @Test
    void anExpiredTokenDoesNotVerify() {
        String token = tokens.issue("ops");
        assertEquals(Optional.of("ops"), new ManagementTokens(SECRET, Clock.fixed(NOW.plusSeconds(7199), ZoneOffset.UTC)).verify(token));
        assertEquals(Optional.empty(), new ManagementTokens(SECRET, Clock.fixed(NOW.plusSeconds(7200), ZoneOffset.UTC)).verify(token));
    }

    @Test
    void aTokenWithChangedClaimsOrFromAnotherServerDoesNotVerify() {
        String token = tokens.issue("team-a");
        String[] parts = token.split("\\.");
        String admin = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"admin\",\"iat\":1735689600,\"exp\":1735696800}".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), tokens.verify(parts[0] + "." + admin + "." + parts[2]));
        assertEquals(Optional.empty(), tokens.verify(parts[0] + "." + parts[1] + "."));
        ManagementTokens other = new ManagementTokens("another secret".getBytes(StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(Optional.empty(), other.verify(token));
    }

    @Test
    void anythingElseIsNotOneOfOurTokens() {
        for (String text : new String[] {"", "a-plain-bearer-token", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJvcHMifQ.", "%%%.%%%.%%%"}) {
            assertEquals(Optional.empty(), tokens.verify(text), text);
        }
    }
}
