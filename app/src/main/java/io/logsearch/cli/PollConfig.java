package io.logsearch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logsearch.api.server.SecretFiles;
import io.logsearch.poller.VendorClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The pollers {@code serve --poll FILE} runs: {@code {"pollers": [{"source": "thousandeyes", "url": …,
 * "token": "${TE_TOKEN}", "interval": "5m"}, …]}}, each entry's keys being {@code poll}'s long options
 * without their dashes, so that an entry means exactly what the same {@code poll} command line means
 * and is checked by the same code. {@code ${NAME}} in a value is the environment variable {@code NAME}.
 * The file may hold credentials: like the tokens file, it must be readable by its owner only.
 */
final class PollConfig {

    /** A checked entry: the {@code poll} options it stands for and its vendor's client. */
    record Entry(String name, PollCommand options, VendorClient client) {
    }

    /** Options that belong to {@code serve}, not to one of its pollers: they write into what it serves, until it stops. */
    private static final Set<String> SERVE_OWNS = Set.of("index", "partition", "replicas", "once");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PollConfig() {
    }

    /**
     * Reads and checks every entry of {@code file}.
     *
     * @throws UsageException naming the file, the entry and what is wrong with it
     */
    static List<Entry> read(Path file, UnaryOperator<String> environment) throws IOException {
        JsonNode root;
        try {
            SecretFiles.requireOwnerOnly(file, "--poll file");
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new UsageException("--poll: no such file " + file);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--poll: " + e.getMessage());
        } catch (JsonProcessingException e) {
            throw new UsageException("--poll " + file + " is not JSON: " + e.getOriginalMessage());
        }
        JsonNode pollers = root == null ? null : root.get("pollers");
        if (pollers == null || !pollers.isArray() || pollers.isEmpty()) {
            throw new UsageException("--poll " + file + " needs {\"pollers\": [{\"source\": …, \"url\": …}, …]} with at least one poller");
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, String> byCheckpoint = new HashMap<>();
        for (int i = 0; i < pollers.size(); i++) {
            String name = "pollers[" + i + "]" + (pollers.get(i).path("source").isTextual() ? " (" + pollers.get(i).path("source").asText() + ")" : "");
            Entry entry = entry(name, pollers.get(i), environment, file);
            String checkpoint = entry.options().checkpoint().toAbsolutePath() + " " + entry.client().checkpointKey();
            String same = byCheckpoint.putIfAbsent(checkpoint, name);
            if (same != null) {
                throw new UsageException("--poll " + file + ": " + same + " and " + name + " poll the same thing into the same checkpoint ("
                        + entry.client().checkpointKey() + "): give one of them another query or \"checkpoint\" file");
            }
            entries.add(entry);
        }
        return entries;
    }

    private static Entry entry(String name, JsonNode poller, UnaryOperator<String> environment, Path file) throws IOException {
        String where = "--poll " + file + ": " + name;
        if (!poller.isObject()) {
            throw new UsageException(where + " must be a JSON object of poll options, e.g. {\"source\": \"onehub\", \"url\": …}");
        }
        List<String> args = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = poller.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (SERVE_OWNS.contains(key)) {
                throw new UsageException(where + ": \"" + key + "\" is serve's own: its pollers write into the index it serves, until it stops");
            }
            JsonNode value = field.getValue();
            if (value.isBoolean()) {
                if (value.booleanValue()) {
                    args.add("--" + key);
                }
            } else if (value.isTextual() || value.isNumber()) {
                args.addAll(List.of("--" + key, expand(value.asText(), environment, where + "." + key)));
            } else if (value.isArray() && !value.isEmpty() && allText(value)) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(expand(item.asText(), environment, where + "." + key)));
                args.addAll(List.of("--" + key, String.join(",", items)));
            } else {
                throw new UsageException(where + ": \"" + key + "\" must be a string, a number, true or a list of strings");
            }
        }
        PollCommand options = new PollCommand();
        try {
            new CommandLine(options).parseArgs(args.toArray(String[]::new));
            return new Entry(name, options, options.client());
        } catch (ParameterException e) {
            throw new UsageException(where + ": " + e.getMessage());
        }
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** {@code value} with every {@code ${NAME}} replaced by the environment variable; an unset one is an error naming it, never a value. */
    private static String expand(String value, UnaryOperator<String> environment, String where) {
        Matcher variable = VARIABLE.matcher(value);
        StringBuilder expanded = new StringBuilder();
        while (variable.find()) {
            String set = environment.apply(variable.group(1));
            if (set == null) {
                throw new UsageException(where + ": the environment variable " + variable.group(1) + " is not set");
            }
            variable.appendReplacement(expanded, Matcher.quoteReplacement(set));
        }
        return variable.appendTail(expanded).toString();
    }
}
