package io.logsearch.localnode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Elasticsearch integration-test distribution, resolved through Maven (so it comes from the
 * same repositories as every other dependency) and unpacked once under {@link Home}.
 */
public final class Distribution {

    public static final String VERSION = "8.19.21";
    static final String ARTIFACT = "org.elasticsearch.distribution.integ-test-zip:elasticsearch:" + VERSION + ":zip";
    private static final long MAVEN_TIMEOUT_MINUTES = 15;

    private final Path root;

    private Distribution(Path root) {
        this.root = root;
    }

    /** The unpacked distribution, fetching and unpacking it first if this machine has none. */
    public static Distribution provide(Progress progress) {
        Path parent = Home.distributions();
        Path unpacked = parent.resolve("elasticsearch-" + VERSION);
        if (Files.isExecutable(unpacked.resolve("bin/elasticsearch"))) {
            return new Distribution(unpacked);
        }
        try {
            Files.createDirectories(parent);
            Path zip = parent.resolve("elasticsearch-" + VERSION + ".zip");
            if (!Files.isRegularFile(zip)) {
                progress.report("Resolving " + ARTIFACT + " through Maven (about 100 MB, once)...");
                resolveWithMaven(parent);
            }
            progress.report("Unpacking Elasticsearch " + VERSION + " into " + parent + "...");
            unpack(zip, parent, unpacked);
            Files.delete(zip);
            return new Distribution(unpacked);
        } catch (IOException e) {
            throw new LocalNodeException("cannot prepare the Elasticsearch distribution under " + parent + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    Path launcher() {
        return root.resolve("bin/elasticsearch");
    }

    Path defaultConfig() {
        return root.resolve("config");
    }

    private static void resolveWithMaven(Path outputDir) throws IOException {
        List<String> command = List.of(mavenExecutable(), "-B", "-q", "dependency:copy",
                "-Dartifact=" + ARTIFACT, "-DoutputDirectory=" + outputDir);
        Path log = Files.createTempFile("logsearch-maven-", ".log");
        try {
            Process maven = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!maven.waitFor(MAVEN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                maven.destroyForcibly();
                throw new LocalNodeException("Maven did not fetch " + ARTIFACT + " within " + MAVEN_TIMEOUT_MINUTES + " minutes");
            }
            if (maven.exitValue() != 0) {
                throw new LocalNodeException("Maven could not fetch " + ARTIFACT + " (exit " + maven.exitValue() + "):\n"
                        + LogTail.of(log, 20) + "\nCheck the network access to Maven Central, or set ES_URL to use another Elasticsearch.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalNodeException("interrupted while Maven was fetching " + ARTIFACT, e);
        } catch (IOException e) {
            throw new LocalNodeException("cannot run Maven ('" + command.get(0) + "') to fetch " + ARTIFACT
                    + ": " + e.getMessage() + ". Install Maven, set LOGSEARCH_MVN, or set ES_URL to use another Elasticsearch.", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String mavenExecutable() {
        String explicit = System.getenv("LOGSEARCH_MVN");
        return explicit != null && !explicit.isBlank() ? explicit : "mvn";
    }

    /** Unpacks into a scratch directory and renames it into place, so a half-unpacked tree is never used. */
    private static void unpack(Path zip, Path parent, Path target) throws IOException {
        Path scratch = Files.createTempDirectory(parent, ".unpack-");
        try {
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                Enumeration<? extends ZipEntry> entries = archive.entries();
                while (entries.hasMoreElements()) {
                    extract(archive, entries.nextElement(), scratch);
                }
            }
            Path top = scratch.resolve(target.getFileName());
            try (Stream<Path> scripts = Files.list(top.resolve("bin"))) {
                scripts.forEach(Distribution::makeExecutable);
            }
            Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxr-xr-x"));
            try {
                Files.move(top, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                if (!Files.isExecutable(target.resolve("bin/elasticsearch"))) {
                    throw raced;
                }
            }
        } finally {
            deleteTree(scratch);
        }
    }

    private static void extract(ZipFile archive, ZipEntry entry, Path into) throws IOException {
        Path destination = into.resolve(entry.getName()).normalize();
        if (!destination.startsWith(into)) {
            throw new IOException("archive entry " + entry.getName() + " points outside the target directory");
        }
        if (entry.isDirectory()) {
            Files.createDirectories(destination);
            return;
        }
        Files.createDirectories(destination.getParent());
        try (InputStream in = archive.getInputStream(entry)) {
            Files.copy(in, destination);
        }
    }

    private static void makeExecutable(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
