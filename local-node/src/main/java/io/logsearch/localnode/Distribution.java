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
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Elasticsearch integration-test distribution, resolved through Maven (so it comes from the
 * same repositories as every other dependency) and unpacked once under {@link Home}.
 */
public final class Distribution {

    /** The Elasticsearch version, from the parent pom's {@code elasticsearch.version}. */
    public static final String VERSION = bundledVersion();
    static final String ARTIFACT = "org.elasticsearch.distribution.integ-test-zip:elasticsearch:" + VERSION + ":zip";
    /** Pinned, so that the goal resolves the same way everywhere, and offline once fetched. */
    static final String COPY_GOAL = "org.apache.maven.plugins:maven-dependency-plugin:2.8:copy";
    private static final long MAVEN_TIMEOUT_MINUTES = 15;

    private final Path root;

    private Distribution(Path root) {
        this.root = root;
    }

    /** The distribution unpacked under {@code parent}, fetched with {@code maven} and unpacked first if it is not there. */
    static Distribution provide(Path parent, String maven, Progress progress) {
        Path unpacked = parent.resolve("elasticsearch-" + VERSION);
        if (Files.isExecutable(unpacked.resolve("bin/elasticsearch"))) {
            return new Distribution(unpacked);
        }
        try {
            Files.createDirectories(parent);
            Path zip = parent.resolve("elasticsearch-" + VERSION + ".zip");
            if (!Files.isRegularFile(zip)) {
                progress.report("Resolving " + ARTIFACT + " through Maven (about 100 MB, once)...");
                resolveWithMaven(maven, parent);
            }
            progress.report("Unpacking Elasticsearch " + VERSION + " into " + parent + "...");
            unpack(zip, parent, unpacked);
            Files.delete(zip);
            return new Distribution(unpacked);
        } catch (IOException e) {
            throw new LocalNodeException("cannot prepare the Elasticsearch distribution under " + parent + ": " + e.getMessage(), e);
        }
    }

    Path launcher() {
        return root.resolve("bin/elasticsearch");
    }

    Path defaultConfig() {
        return root.resolve("config");
    }

    /**
     * Runs Maven in an empty scratch directory: in the caller's directory Maven would read whatever
     * project lives there, and fail on it (an unresolvable parent, say) before copying anything.
     */
    private static void resolveWithMaven(String maven, Path outputDir) throws IOException {
        List<String> command = List.of(maven, "-B", "-q", COPY_GOAL, "-Dartifact=" + ARTIFACT, "-DoutputDirectory=" + outputDir);
        Path workDir = Files.createTempDirectory("logsearch-maven-");
        Path log = workDir.resolve("maven.log");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(MAVEN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new LocalNodeException("Maven did not fetch " + ARTIFACT + " within " + MAVEN_TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                throw new LocalNodeException("Maven could not fetch " + ARTIFACT + " (exit " + process.exitValue() + "):\n"
                        + LogTail.of(log, 20) + "\nCheck the network access to Maven Central, or set ES_URL to use another Elasticsearch.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalNodeException("interrupted while Maven was fetching " + ARTIFACT, e);
        } catch (IOException e) {
            throw new LocalNodeException("cannot run Maven ('" + maven + "') to fetch " + ARTIFACT
                    + ": " + e.getMessage() + ". Install Maven, set LOGSEARCH_MVN, or set ES_URL to use another Elasticsearch.", e);
        } finally {
            deleteTree(workDir);
        }
    }

    static String mavenExecutable() {
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

    private static String bundledVersion() {
        try (InputStream in = Distribution.class.getResourceAsStream("elasticsearch.properties")) {
            if (in == null) {
                throw new IllegalStateException("elasticsearch.properties is missing from the local-node jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read elasticsearch.properties from the local-node jar", e);
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
