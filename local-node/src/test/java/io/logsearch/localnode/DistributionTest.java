package io.logsearch.localnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching and unpacking the distribution, with a stand-in for Maven that records how it was run. */
class DistributionTest {

    @TempDir
    Path dir;

    @Test
    void theVersionIsTheParentPomsElasticsearchVersion() throws IOException {
        Matcher version = Pattern.compile("<elasticsearch\\.version>([^<]+)</elasticsearch\\.version>")
                .matcher(Files.readString(Path.of("..", "pom.xml")));
        assertTrue(version.find(), "the parent pom pins elasticsearch.version");
        assertEquals(version.group(1), Distribution.VERSION);
        assertEquals("org.elasticsearch.distribution.integ-test-zip:elasticsearch:" + version.group(1) + ":zip", Distribution.ARTIFACT);
    }

    @Test
    void mavenRunsInAScratchDirectoryWithThePinnedPluginAndTheDistributionIsUnpackedOnce() throws IOException {
        Path zip = fakeDistributionZip();
        Path calls = dir.resolve("calls.txt");
        Path maven = fakeMaven("pwd >> '" + calls + "'\n"
                + "echo \"$@\" >> '" + calls + "'\n"
                + "for a in \"$@\"; do case $a in -DoutputDirectory=*) cp '" + zip + "' \"${a#-DoutputDirectory=}/\";; esac; done\n");
        Path parent = dir.resolve("dist");
        List<String> progress = new ArrayList<>();

        Distribution distribution = Distribution.provide(parent, maven.toString(), progress::add);

        List<String> lines = Files.readAllLines(calls);
        assertEquals(2, lines.size(), "Maven ran once: " + lines);
        Path mavenDir = Path.of(lines.get(0));
        assertFalse(mavenDir.equals(Path.of("").toAbsolutePath()), "Maven must not run in the caller's directory");
        assertTrue(mavenDir.getFileName().toString().startsWith("logsearch-maven-"), lines.get(0));
        assertFalse(Files.exists(mavenDir), "the scratch directory is removed afterwards");
        assertEquals("-B -q " + Distribution.COPY_GOAL + " -Dartifact=" + Distribution.ARTIFACT + " -DoutputDirectory=" + parent, lines.get(1));
        assertTrue(Files.isExecutable(distribution.launcher()));
        assertTrue(Files.isRegularFile(distribution.defaultConfig().resolve("elasticsearch.yml")));
        try (var left = Files.list(parent)) {
            assertEquals(List.of(parent.resolve("elasticsearch-" + Distribution.VERSION)), left.toList(), "no zip or scratch left behind");
        }
        assertEquals(2, progress.size(), progress.toString());

        Distribution.provide(parent, maven.toString(), progress::add);
        assertEquals(2, Files.readAllLines(calls).size(), "an unpacked distribution is reused without Maven");
    }

    @Test
    void aFailingMavenIsReportedWithItsOutputAndAWayOut() throws IOException {
        Path maven = fakeMaven("echo 'Could not resolve artifact: network is unreachable'\nexit 1\n");
        LocalNodeException e = assertThrows(LocalNodeException.class,
                () -> Distribution.provide(dir.resolve("dist"), maven.toString(), message -> { }));
        assertTrue(e.getMessage().contains("Maven could not fetch " + Distribution.ARTIFACT + " (exit 1)"), e.getMessage());
        assertTrue(e.getMessage().contains("network is unreachable"), e.getMessage());
        assertTrue(e.getMessage().contains("set ES_URL"), e.getMessage());
    }

    @Test
    void aMissingMavenSaysHowToGetOne() {
        LocalNodeException e = assertThrows(LocalNodeException.class,
                () -> Distribution.provide(dir.resolve("dist"), dir.resolve("no-such-mvn").toString(), message -> { }));
        assertTrue(e.getMessage().contains("cannot run Maven"), e.getMessage());
        assertTrue(e.getMessage().contains("Install Maven, set LOGSEARCH_MVN, or set ES_URL"), e.getMessage());
    }

    private Path fakeMaven(String body) throws IOException {
        Path script = dir.resolve("mvn");
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private Path fakeDistributionZip() throws IOException {
        Path zip = dir.resolve("elasticsearch-" + Distribution.VERSION + ".zip");
        String top = "elasticsearch-" + Distribution.VERSION + "/";
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String[] entry : new String[][] {{"bin/elasticsearch", "#!/bin/sh\n"}, {"config/elasticsearch.yml", "# defaults\n"}}) {
                out.putNextEntry(new ZipEntry(top + entry[0]));
                out.write(entry[1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }
}
