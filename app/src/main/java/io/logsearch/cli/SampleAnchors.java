package io.logsearch.cli;

import io.logsearch.localnode.Home;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

/**
 * Where the demo's sample events end, per Elasticsearch and index base: the moment of their first
 * load, recorded in a file, so that each later run, on any day, generates exactly the same events
 * again. The cluster already has them, so nothing is added twice; a wiped index gets the same
 * samples back. On the first day the samples reach up to the minute they were loaded.
 */
final class SampleAnchors {

    private final Path file;

    SampleAnchors(Path file) {
        this.file = file;
    }

    /** The anchors kept in the logsearch home directory (see {@link Home}). */
    static SampleAnchors inHome() {
        return new SampleAnchors(Home.directory().resolve("demo-samples.properties"));
    }

    /** The recorded end of the samples for this cluster and base; on the first call, {@code now}, recorded. */
    Instant anchorFor(String esUrl, String base, Instant now) throws IOException {
        String key = esUrl + " " + base;
        Properties anchors = read();
        String recorded = anchors.getProperty(key);
        if (recorded != null) {
            try {
                return Instant.parse(recorded);
            } catch (DateTimeParseException e) {
                throw new IOException("the demo's sample anchor for " + key + " in " + file + " is not an instant: '" + recorded
                        + "'; remove that line to start the samples afresh", e);
            }
        }
        Instant anchor = now.truncatedTo(ChronoUnit.SECONDS);
        anchors.setProperty(key, anchor.toString());
        write(anchors);
        return anchor;
    }

    private Properties read() throws IOException {
        Properties anchors = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                anchors.load(in);
            }
        }
        return anchors;
    }

    private void write(Properties anchors) throws IOException {
        Files.createDirectories(file.getParent());
        Path scratch = Files.createTempFile(file.getParent(), ".demo-samples-", ".tmp");
        try (Writer out = Files.newBufferedWriter(scratch, StandardCharsets.UTF_8)) {
            anchors.store(out, "logsearch demo: where the sample events end, per Elasticsearch URL and index base");
        }
        Files.move(scratch, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
