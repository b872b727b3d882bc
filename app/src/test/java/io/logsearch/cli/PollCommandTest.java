package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code poll}'s usage errors, in-process and without Elasticsearch: each names what is missing, and no credential is echoed. */
class PollCommandTest {

    private record Run(int exit, String err) {
    }

    private static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            return new Run(Main.run(args), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void eachSourceNamesTheOptionsItNeeds() {
        Run actionHub = run("poll", "--source", "actionhub", "--url", "http://127.0.0.1:1/compat/actionhub", "--token", "secret-token-value");
        assertEquals(2, actionHub.exit());
        assertTrue(actionHub.err().contains("--source actionhub needs --program-id"), actionHub.err());
        assertFalse(actionHub.err().contains("secret-token-value"), actionHub.err());

        Run users = run("poll", "--source", "actionhub", "--url", "http://127.0.0.1:1", "--program-id", "p");
        assertEquals(2, users.exit());
        assertTrue(users.err().contains("--users u1,u2 or --users-file FILE"), users.err());

        Run authing = run("poll", "--source", "authing", "--url", "http://127.0.0.1:1", "--access-key-id", "k",
                "--access-key-secret", "secret-value", "--once");
        assertEquals(2, authing.exit());
        assertTrue(authing.err().contains("--source authing needs --user-pool-id"), authing.err());
        assertFalse(authing.err().contains("secret-value"), authing.err());
    }

    @Test
    void badValuesAreUsageErrors() {
        Run ecs = run("poll", "--source", "ecs", "--url", "http://127.0.0.1:1");
        assertEquals(2, ecs.exit());
        assertTrue(ecs.err().contains("has no live API to poll"), ecs.err());

        Run url = run("poll", "--source", "thousandeyes", "--url", "ftp://example.org/v7");
        assertEquals(2, url.exit());
        assertTrue(url.err().contains("the base URL must be http(s)://host[:port][/path]"), url.err());

        Run interval = run("poll", "--source", "onehub", "--url", "http://127.0.0.1:1", "--interval", "60");
        assertEquals(2, interval.exit());
        assertTrue(interval.err().contains("needs a unit"), interval.err());

        Run since = run("poll", "--source", "onehub", "--url", "http://127.0.0.1:1", "--since", "yesterday");
        assertEquals(2, since.exit());
        assertTrue(since.err().contains("--since must be an ISO-8601 instant"), since.err());
    }
}
