package io.logsearch.cli;

import io.logsearch.integrity.Sealer;
import io.logsearch.storage.EventStore;
import io.logsearch.storage.Retention;
import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "prune", description = {"Delete whole partitions that end before now minus --older-than (never the current one).",
        "Lists them first; asks on a terminal, and needs --yes otherwise.",
        "With --seal-keys and --digest-dir, each sealed partition gets a signed retirement digest first,"
                + " so verify reports it retired, not deleted."})
final class PruneCommand implements Callable<Integer> {

    /** A shorter cutoff is almost certainly a unit mistaken, and would delete nearly everything. */
    static final Duration SHORTEST = Duration.ofDays(1);

    @Mixin
    IndexOptions index;

    @Option(names = "--older-than", required = true, paramLabel = "AGE", converter = OptionConverters.Age.class,
            description = "A number with its unit: 90d, 12w, 36h (at least one day).")
    Duration olderThan;

    @Mixin
    SealOptions seal;

    @Option(names = "--dry-run", description = "List the partitions that would be deleted; delete nothing.")
    boolean dryRun;

    @Option(names = "--yes", description = "Delete without asking (needed when not on a terminal).")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        if (olderThan.compareTo(SHORTEST) < 0) {
            throw new UsageException("--older-than must be at least 1d; " + olderThan.toString().substring(2).toLowerCase(Locale.ROOT)
                    + " would delete all but the newest partitions");
        }
        seal.enabled();
        Instant now = Instant.now();
        Instant cutoff = now.minus(olderThan);
        try (Elasticsearch es = Elasticsearch.fromEnvironment()) {
            Retention retention = new Retention(index.on(es.client()));
            List<String> expired = retention.expired(cutoff, now);
            if (expired.isEmpty()) {
                System.out.println("No partition of '" + index.base + "' ends before " + cutoff + ".");
                return ExitCodes.OK;
            }
            expired.forEach(name -> System.out.println((dryRun ? "would delete " : "to delete: ") + name));
            String summary = expired.size() + " partition(s) of '" + index.base + "' ending before " + cutoff;
            if (dryRun) {
                System.out.println("Would delete " + summary + ".");
                return ExitCodes.OK;
            }
            if (!yes && !confirmed(summary)) {
                return ExitCodes.USAGE;
            }
            retire(index.on(es.client()), expired);
            retention.delete(expired);
            System.out.println("Deleted " + summary + ".");
        }
        return ExitCodes.OK;
    }

    /** Writes the retirement digests of the sealed partitions among {@code expired}, when sealing is on. */
    private void retire(EventStore store, List<String> expired) throws IOException {
        Path work = SealOptions.workDir();
        try {
            Optional<Sealer> sealer = seal.sealer(store, work);
            if (sealer.isPresent()) {
                for (String partition : expired) {
                    sealer.get().retire(partition).ifPresent(digest -> System.out.println(
                            "retired " + partition + " (digest version " + digest.version() + ")"));
                }
            }
        } finally {
            Files.deleteIfExists(work);
        }
    }

    /** Asks on the terminal; without one, deleting needs {@code --yes}. */
    private static boolean confirmed(String summary) {
        Console console = System.console();
        if (console == null) {
            System.err.println("logsearch prune: not deleting " + summary + " without --yes (no terminal to ask on).");
            return false;
        }
        String answer = console.readLine("Delete %s? [y/N] ", summary);
        if (answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        System.out.println("Nothing deleted.");
        return false;
    }
}
