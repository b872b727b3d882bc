package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * After {@code package} the Dockerfile's build context holds what it copies: every {@code COPY} source exists and
 * {@code .dockerignore} (last matching rule wins, {@code !} re-includes) keeps it. Docker itself is not needed.
 */
class DockerBuildContextIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void everyCopiedPathExistsAndIsKeptByDockerignore() throws IOException {
        List<String> dockerfile = Files.readAllLines(ROOT.resolve("Dockerfile"));
        List<String> ignore = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        List<String> sources = new ArrayList<>();
        for (String line : dockerfile) {
            Matcher copy = Pattern.compile("^COPY\\s+(\\S+)\\s+\\S+$").matcher(line.strip());
            if (copy.matches()) {
                sources.add(copy.group(1).replaceAll("/$", ""));
            }
        }
        assertEquals(List.of("app/target/logsearch.jar", "compose"), sources);
        for (String source : sources) {
            assertTrue(Files.exists(ROOT.resolve(source)), source + " exists after package");
            assertTrue(kept(ignore, source), source + " is kept by .dockerignore");
        }
        assertTrue(Files.size(ROOT.resolve("app/target/logsearch.jar")) > 1_000_000, "the runnable (shaded) jar");
        assertFalse(kept(ignore, "app/src/main/java/io/logsearch/cli/Main.java"), "sources stay out of the context");
        assertFalse(kept(ignore, ".env"), "secrets stay out of the image");
    }

    @Test
    void theImageIsTemurin17JreRunsAsANonRootUserAndChecksHealth() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("\nFROM eclipse-temurin:17-jre\n"));
        Matcher user = Pattern.compile("\\nUSER (\\S+)\\n").matcher(dockerfile);
        assertTrue(user.find());
        assertFalse(List.of("root", "0").contains(user.group(1)));
        assertTrue(dockerfile.contains("HEALTHCHECK") && dockerfile.contains("http://127.0.0.1:7070/health"));
    }

    @Test
    void composeRunsElasticsearchAndKibanaOfTheProjectsElasticsearchVersion() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher version = Pattern.compile("<elasticsearch.version>([^<]+)</elasticsearch.version>").matcher(pom);
        assertTrue(version.find());
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        assertTrue(compose.contains("image: docker.elastic.co/elasticsearch/elasticsearch:" + version.group(1) + "\n"));
        assertTrue(compose.contains("image: docker.elastic.co/kibana/kibana:" + version.group(1) + "\n"));
        assertTrue(compose.contains("xpack.security.enabled=true"));
        assertTrue(Files.readString(ROOT.resolve(".gitignore")).lines().anyMatch(".env"::equals), ".env is git-ignored");
        assertTrue(Files.exists(ROOT.resolve(".env.example")));
    }

    private static boolean kept(List<String> ignore, String path) {
        boolean kept = true;
        for (String rule : ignore) {
            boolean include = rule.startsWith("!");
            String pattern = (include ? rule.substring(1) : rule).replaceAll("/$", "");
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            if (matchesItOrAParent(matcher, Path.of(path))) {
                kept = include;
            }
        }
        return kept;
    }

    private static boolean matchesItOrAParent(PathMatcher matcher, Path path) {
        for (Path p = path; p != null; p = p.getParent()) {
            if (matcher.matches(p)) {
                return true;
            }
        }
        return false;
    }
}
