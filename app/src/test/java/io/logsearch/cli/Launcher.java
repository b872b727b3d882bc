package io.logsearch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the repository's {@code ./logsearch} launcher as a separate process. */
final class Launcher {

    private Launcher() {
    }

    static Path script() {
        Path script = Path.of("").toAbsolutePath().getParent().resolve("logsearch");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("the launcher is missing or not executable: " + script);
        }
        return script;
    }

    /** A process builder for {@code ./logsearch args…}, its output (stdout and stderr) going to {@code output}. */
    static ProcessBuilder command(Map<String, String> env, Path output, String... args) {
        return command(script(), env, output, args);
    }

    /**
     * A process builder for {@code script args…}, e.g. a copy of the launcher in another tree. It
     * starts as a shell in a terminal would start it, with SIGINT at its default even when the
     * build runs as a background job (which ignores SIGINT, and children inherit that), so that a
     * test can press Ctrl-C.
     */
    static ProcessBuilder command(Path script, Map<String, String> env, Path output, String... args) {
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT"));
        command.add(script.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(env);
        return builder;
    }

    static Process start(Map<String, String> env, Path output, String... args) throws IOException {
        return command(env, output, args).start();
    }
}
