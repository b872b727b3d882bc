package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.logsearch.testsupport.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./logsearch} script itself: help, exit codes, JVM options, and when it rebuilds the jar. */
class LauncherIT {

    private static String run(int expectedExit, Map<String, String> env, String... args) throws Exception {
        Path output = Files.createTempFile("logsearch-launcher-", ".txt");
        try {
            return finish(Launcher.command(env, output, args), expectedExit);
        } finally {
            Files.delete(output);
        }
    }

    private static String finish(ProcessBuilder builder, int expectedExit) throws Exception {
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "launcher finished");
        String text = Files.readString(builder.redirectOutput().file().toPath());
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
    void statusOfANodeThatNeverRanExitsThree(@TempDir Path dir) throws Exception {
        String out = run(3, Map.of(), "es", "status", "--port", Integer.toString(Ports.free()), "--data", dir.toString());
        assertTrue(out.contains("not running"), out);
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        String out = run(2, Map.of(), "load", "--source", "thousandeyes");
        assertTrue(out.contains("Missing required parameter"), out);
    }

    @Test
    void badOptionValuesAreUsageErrorsThatNameTheOption() throws Exception {
        String[][] cases = {
                {"", "templates install --index Bad*", "Invalid value for option '--index': index base 'Bad*' is not a valid Elasticsearch index name prefix"},
                {"", "prune --older-than 90d --partition weekly",
                        "Invalid value for option '--partition': partition granularity must be 'daily' or 'monthly', not 'weekly'"},
                {"", "templates install --replicas -1", "Invalid value for option '--replicas': replicas must be 0 or more, not -1"},
                {"LOGSEARCH_INDEX=", "templates install",
                        "Invalid value for option '--index': the index base is empty (is LOGSEARCH_INDEX set to nothing?)"},
                {"LOGSEARCH_REPLICAS=two", "templates install", "Invalid value for option '--replicas': 'two' is not a number of replicas"},
                {"", "serve --port 70000", "Invalid value for option '--port': port 70000 is outside 0-65535 (0 picks a free one)"},
                {"", "demo --es-port 0", "Invalid value for option '--es-port': HTTP port 0 is outside 1-65535"},
                {"", "es status --heap 0", "Invalid value for option '--heap': heap '0' is not a JVM memory size such as 512m or 1g"},
                {"ES_URL=ftp://es", "templates install", "logsearch templates install: ES_URL must start with http:// or https://, not 'ftp://es'"},
                {"ES_USERNAME=elastic", "prune --older-than 90d", "logsearch prune: ES_USERNAME and ES_PASSWORD must be set together"},
        };
        for (String[] c : cases) {
            Map<String, String> env = c[0].isEmpty() ? Map.of() : Map.of(c[0].split("=", 2)[0], c[0].split("=", 2)[1]);
            String out = run(2, env, c[1].split(" "));
            assertTrue(out.contains(c[2]), c[1] + " with " + c[0] + ":\n" + out);
        }
    }

    @Test
    void everyCommandThatNeedsElasticsearchNamesItsUrlAndAWayOutWhenItCannotBeReached(@TempDir Path dir) throws Exception {
        String url = "http://127.0.0.1:" + Ports.free();
        String unreachable = "logsearch: cannot reach Elasticsearch at " + url + " (Connection refused). "
                + "Start the local node with './logsearch es start', or set ES_URL to a cluster that is running.";
        Path export = Files.writeString(dir.resolve("export.json"), "[]");
        Map<String, String> env = Map.of("ES_URL", url);
        assertEquals(unreachable, run(1, env, "templates", "install").strip());
        assertEquals(unreachable, run(1, env, "prune", "--older-than", "90d").strip());
        assertEquals(unreachable, run(1, env, "load", "--source", "thousandeyes", export.toString()).strip());
        assertEquals(unreachable, run(1, env, "demo", "--port", Integer.toString(Ports.free())).strip());

        int port = Ports.free();
        Path output = dir.resolve("serve.txt");
        Process serve = Launcher.start(env, output, "serve", "--port", Integer.toString(port));
        try {
            Instant deadline = Instant.now().plusSeconds(60);
            while (!Ports.listening(port) && serve.isAlive() && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertTrue(Ports.listening(port), "serve starts while Elasticsearch is down:\n" + Files.readString(output));
            String text = Files.readString(output);
            assertTrue(text.contains("logsearch: warning: cannot reach Elasticsearch at " + url + " (Connection refused)."), text);
            assertTrue(text.contains("Until it answers, the API answers 503."), text);
        } finally {
            serve.destroy();
        }
        assertTrue(serve.waitFor(60, TimeUnit.SECONDS));
    }

    @Test
    void withoutEsUrlTheDefaultIsNamed(@TempDir Path dir) throws Exception {
        assumeFalse(Ports.listening(9200), "something listens on 9200 here");
        ProcessBuilder builder = Launcher.command(Map.of(), dir.resolve("output.txt"), "templates", "install");
        builder.environment().remove("ES_URL");
        assertEquals("logsearch: cannot reach Elasticsearch at http://127.0.0.1:9200 (Connection refused). "
                + "Start the local node with './logsearch es start', or set ES_URL to a cluster that is running.", finish(builder, 1).strip());
    }

    @Test
    void jvmOptionsArePassedThrough() throws Exception {
        String out = run(1, Map.of("LOGSEARCH_JAVA_OPTS", "-XX:+UseSerialGC -Xmx1m"), "--version");
        assertTrue(out.contains("Too small maximum heap"), out);
    }

    /**
     * A copy of the launcher in a small source tree of the repository's shape, with a stand-in for
     * Maven on the PATH that counts its builds and puts the real jar in place.
     */
    static final class CopiedTree {

        final Path root;
        private final Path builds;

        CopiedTree(Path root) throws IOException {
            this.root = root;
            this.builds = root.resolve("builds.log");
            Files.copy(Launcher.script(), root.resolve("logsearch"), StandardCopyOption.COPY_ATTRIBUTES);
            write("pom.xml", "<project><modules><module>app</module><module>indexer</module></modules></project>");
            write("app/pom.xml", "<project><artifactId>app</artifactId></project>");
            write("indexer/pom.xml", "<project><artifactId>indexer</artifactId></project>");
            write("app/src/main/java/io/logsearch/cli/Main.java", "class Main {}");
            write("app/src/test/java/io/logsearch/cli/MainTest.java", "class MainTest {}");
            write("indexer/src/main/resources/io/logsearch/indexer/samples.ndjson", "{\"a\":1}\n");
            write("indexer/src/main/resources/io/logsearch/indexer/bulk.properties", "size=1000\n");
            write("indexer/src/main/resources/META-INF/services/io.logsearch.indexer.Source", "io.logsearch.indexer.A\n");
            Path jar = Path.of("target", "logsearch.jar").toAbsolutePath();
            assertTrue(Files.isRegularFile(jar), "the real jar is built before the integration tests: " + jar);
            Path bin = Files.createDirectories(root.resolve("bin"));
            Path mvn = bin.resolve("mvn");
            Files.writeString(mvn, "#!/bin/sh\n"
                    + "[ -f '" + root.resolve("break-the-build") + "' ] && { echo 'BUILD FAILURE: cannot compile Main.java'; exit 1; }\n"
                    + "echo \"$(pwd) $*\" >> '" + builds + "'\n"
                    + "mkdir -p app/target/generated-sources\n"
                    + "echo \"// generated at $(date +%s%N)\" > app/target/generated-sources/Generated.java\n"
                    + "cp '" + jar + "' app/target/logsearch.jar\n");
            Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        void write(String path, String content) throws IOException {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        }

        void delete(String path) throws IOException {
            Files.delete(root.resolve(path));
        }

        Path jar() {
            return root.resolve("app/target/logsearch.jar");
        }

        /** Runs {@code logsearch --version} and returns the number of builds so far. */
        int runAndCountBuilds(int expectedExit) throws Exception {
            Path output = Files.createTempFile(root, "launcher-", ".txt");
            String text = finish(Launcher.command(root.resolve("logsearch"), Map.of("PATH", root.resolve("bin") + ":" + System.getenv("PATH")),
                    output, "--version"), expectedExit);
            if (expectedExit == 0) {
                assertTrue(text.contains("logsearch "), text);
            }
            return Files.exists(builds) ? Files.readAllLines(builds).size() : 0;
        }

        List<String> builds() throws IOException {
            return Files.readAllLines(builds);
        }
    }

    @Test
    void theJarIsRebuiltExactlyWhenAFileItIsBuiltFromChanges(@TempDir Path dir) throws Exception {
        CopiedTree tree = new CopiedTree(dir);

        assertEquals(1, tree.runAndCountBuilds(0), "a fresh tree builds");
        assertEquals(List.of(dir + " -B -q -DskipTests -Dmaven.test.skip=true package -pl app -am"), tree.builds(),
                "built in the tree's root, packaged without tests, never installed");
        assertEquals(1, tree.runAndCountBuilds(0), "an unchanged tree does not rebuild");

        tree.write("app/src/test/java/io/logsearch/cli/MainTest.java", "class MainTest { int edited; }");
        tree.write("app/src/test/resources/fixture.json", "{}");
        assertEquals(1, tree.runAndCountBuilds(0), "test sources are not in the jar");

        tree.write("app/target/generated-sources/Generated.java", "// regenerated");
        assertEquals(1, tree.runAndCountBuilds(0), "build output is not a source");

        Path main = dir.resolve("app/src/main/java/io/logsearch/cli/Main.java");
        Files.setLastModifiedTime(main, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(1, tree.runAndCountBuilds(0), "a touched but unchanged file does not rebuild");

        tree.write("indexer/src/main/resources/io/logsearch/indexer/samples.ndjson", "{\"a\":2}\n");
        assertEquals(2, tree.runAndCountBuilds(0), "an edited resource rebuilds");
        assertEquals(2, tree.runAndCountBuilds(0));

        tree.write("indexer/src/main/resources/META-INF/services/io.logsearch.indexer.Source", "io.logsearch.indexer.B\n");
        assertEquals(3, tree.runAndCountBuilds(0), "an edited service registration rebuilds");

        tree.delete("indexer/src/main/resources/io/logsearch/indexer/bulk.properties");
        assertEquals(4, tree.runAndCountBuilds(0), "a deleted file rebuilds");

        tree.write("indexer/pom.xml", "<project><artifactId>indexer</artifactId><version>2</version></project>");
        assertEquals(5, tree.runAndCountBuilds(0), "an edited module pom rebuilds");

        tree.write("pom.xml", "<project><modules><module>app</module></modules></project>");
        assertEquals(6, tree.runAndCountBuilds(0), "an edited parent pom rebuilds");

        tree.write("app/src/main/java/io/logsearch/cli/Added.java", "class Added {}");
        assertEquals(7, tree.runAndCountBuilds(0), "an added file rebuilds");

        Files.delete(tree.jar());
        assertEquals(8, tree.runAndCountBuilds(0), "a missing jar rebuilds");
        assertEquals(8, tree.runAndCountBuilds(0));
    }

    @Test
    void aJarMavenBuiltDirectlyIsUsedUnlessASourceIsNewer(@TempDir Path dir) throws Exception {
        CopiedTree tree = new CopiedTree(dir);
        assertEquals(1, tree.runAndCountBuilds(0));
        Files.delete(dir.resolve("app/target/logsearch.jar.sources"));
        Files.setLastModifiedTime(tree.jar(), FileTime.from(Instant.now().plusSeconds(60)));
        assertEquals(1, tree.runAndCountBuilds(0), "a jar newer than every source is taken as it is, as after mvn package");
        assertEquals(1, tree.runAndCountBuilds(0));

        Files.delete(dir.resolve("app/target/logsearch.jar.sources"));
        Files.setLastModifiedTime(tree.jar(), FileTime.from(Instant.now().minusSeconds(60)));
        assertEquals(2, tree.runAndCountBuilds(0), "a source newer than that jar rebuilds");

        Files.delete(dir.resolve("app/target/logsearch.jar.sources"));
        Files.setLastModifiedTime(tree.jar(), FileTime.from(Instant.now().plusSeconds(120)));
        Path resources = dir.resolve("indexer/src/main/resources/io/logsearch/indexer");
        tree.delete("indexer/src/main/resources/io/logsearch/indexer/bulk.properties");
        Files.setLastModifiedTime(resources, FileTime.from(Instant.now().plusSeconds(180)));
        assertEquals(3, tree.runAndCountBuilds(0), "a deletion since that jar (its directory is newer) rebuilds");
    }

    @Test
    void aFailedBuildShowsMavensOutputAndIsTriedAgainNextTime(@TempDir Path dir) throws Exception {
        CopiedTree tree = new CopiedTree(dir);
        assertEquals(1, tree.runAndCountBuilds(0));
        tree.write("app/src/main/java/io/logsearch/cli/Main.java", "class Main { broken");
        tree.write("break-the-build", "");
        Path output = Files.createTempFile(dir, "launcher-", ".txt");
        String text = finish(Launcher.command(dir.resolve("logsearch"), Map.of("PATH", dir.resolve("bin") + ":" + System.getenv("PATH")),
                output, "--version"), 1);
        assertTrue(text.contains("BUILD FAILURE: cannot compile Main.java"), text);
        assertTrue(text.contains("logsearch: the build failed (output above)"), text);
        assertFalse(text.contains("local Elasticsearch node"), "the old jar does not run after a failed build:\n" + text);

        Files.delete(dir.resolve("break-the-build"));
        assertEquals(2, tree.runAndCountBuilds(0), "the next run builds again");
    }
}
