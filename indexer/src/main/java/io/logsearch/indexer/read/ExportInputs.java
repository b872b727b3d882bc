package io.logsearch.indexer.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Turns command-line paths into inputs: files as they are, directories recursively (sorted), {@code -} as stdin. */
public final class ExportInputs {

    private ExportInputs() {
    }

    /** @throws IllegalArgumentException naming the first path that does not exist or cannot be read */
    public static List<ExportInput> resolve(List<String> paths) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("no export given: name files, directories, or - for standard input");
        }
        List<ExportInput> inputs = new ArrayList<>();
        for (String name : paths) {
            if (name.equals("-")) {
                inputs.add(ExportInput.stdin());
                continue;
            }
            Path path = Path.of(name);
            if (Files.isDirectory(path)) {
                inputs.addAll(filesUnder(path));
            } else if (Files.isRegularFile(path) && Files.isReadable(path)) {
                inputs.add(file(path));
            } else {
                throw new IllegalArgumentException(Files.exists(path)
                        ? "cannot read " + name
                        : "no such file or directory: " + name);
            }
        }
        return inputs;
    }

    private static List<ExportInput> filesUnder(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).sorted().map(ExportInputs::file).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static ExportInput file(Path path) {
        try {
            return ExportInput.file(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
