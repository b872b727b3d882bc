package io.logsearch.poller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The checkpoints of every source, organization and query in one JSON file,
 * {@code {"checkpoints": {"<key>": {"since": "…", "pending": {"since", "until", "position"}}}}}.
 * Every save writes a temporary file next to it, forces it to disk and renames it over the old one,
 * so a kill at any moment leaves either the old checkpoints or the new ones, never a mix.
 */
public final class CheckpointFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;

    public CheckpointFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    /** The checkpoint kept under {@code key}, if any. */
    public synchronized Optional<Checkpoint> read(String key) {
        JsonNode entry = root().path("checkpoints").path(key);
        if (entry.isMissingNode()) {
            return Optional.empty();
        }
        try {
            Instant since = Instant.parse(entry.path("since").asText());
            JsonNode pending = entry.path("pending");
            if (pending.isMissingNode() || pending.isNull()) {
                return Optional.of(Checkpoint.startingAt(since));
            }
            TimeSpan span = new TimeSpan(Instant.parse(pending.path("since").asText()), Instant.parse(pending.path("until").asText()));
            return Optional.of(new Checkpoint(since, Optional.of(new PageRequest(span, pending.path("position").asText()))));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalStateException("checkpoint file " + path + ": the entry " + key + " is not a checkpoint: " + e.getMessage(), e);
        }
    }

    public synchronized void save(String key, Checkpoint checkpoint) {
        ObjectNode root = root();
        ObjectNode entry = root.with("checkpoints").putObject(key);
        entry.put("since", checkpoint.since().toString());
        checkpoint.pending().ifPresent(page -> entry.putObject("pending")
                .put("since", page.span().since().toString())
                .put("until", page.span().until().toString())
                .put("position", page.position()));
        try {
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
            Path temp = path.resolveSibling(path.getFileName() + ".tmp");
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint file " + path, e);
        }
    }

    private ObjectNode root() {
        if (!Files.exists(path)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode root = JSON.readTree(path.toFile());
            if (root == null || !root.isObject()) {
                throw new IllegalStateException("checkpoint file " + path + " is not a JSON object");
            }
            return (ObjectNode) root;
        } catch (IOException e) {
            throw new IllegalStateException("checkpoint file " + path + " cannot be read: " + e.getMessage(), e);
        }
    }
}
