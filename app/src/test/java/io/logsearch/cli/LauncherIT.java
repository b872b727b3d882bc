package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logsearch.testsupport.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code ./logsearch} script itself: help, exit codes, and JVM options. */
class LauncherIT {

    private static String run(int expectedExit, Map<String, String> env, String... args) throws Exception {
        Path output = Files.createTempFile("logsearch-launcher-", ".txt");
        Process process = Launcher.start(env, output, args);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "launcher finished");
        String text = Files.readString(output);
        assertEquals(expectedExit, process.exitValue(), text);
        return text;
    }

    @Test
    void helpListsTheCommands() throws Exception {
        String help = run(0, Map.of(), "--help");
        for (String command : new String[] {"demo", "serve", "load", "normalize", "generate", "templates", "prune", "es"}) {
            assertTrue(help.contains("  " + command + " "), command + " missing from:\n" + help);
        }
    }

    @Test
    void statusOfANodeThatNeverRanExitsThree() throws Exception {
        Path dir = Files.createTempDirectory("logsearch-launcher-node-");
        String out = run(3, Map.of(), "es", "status", "--port", Integer.toString(Ports.free()), "--data", dir.toString());
        assertTrue(out.contains("not running"), out);
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        String out = run(2, Map.of(), "load", "--source", "thousandeyes");
        assertTrue(out.contains("Missing required parameter"), out);
    }

    @Test
    void jvmOptionsArePassedThrough() throws Exception {
        String out = run(1, Map.of("LOGSEARCH_JAVA_OPTS", "-XX:+UseSerialGC -Xmx1m"), "--version");
        assertTrue(out.contains("Too small maximum heap"), out);
    }
}
