package io.logsearch.cli;

import io.logsearch.mappings.TimeWindow;
import io.logsearch.storage.Retention;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "prune", description = "Delete whole partitions that end before now minus --older-than (never the current one).")
final class PruneCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    IndexOptions index;

    @Option(names = "--older-than", required = true, paramLabel = "WINDOW", description = "e.g. 90d, 12w, 36h.")
    String olderThan;

    @Option(names = "--dry-run", description = "List the partitions that would be deleted; delete nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws IOException {
        Instant now = Instant.now();
        Instant cutoff;
        try {
            cutoff = now.minus(TimeWindow.parse(olderThan));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--older-than: " + e.getMessage());
        }
        try (Elasticsearch es = Elasticsearch.fromEnvironment()) {
            Retention retention = new Retention(index.on(es.client()));
            List<String> expired = retention.expired(cutoff, now);
            if (expired.isEmpty()) {
                System.out.println("No partition of '" + index.base + "' ends before " + cutoff + ".");
                return ExitCodes.OK;
            }
            expired.forEach(name -> System.out.println((dryRun ? "would delete " : "deleting ") + name));
            if (!dryRun) {
                retention.delete(expired);
            }
            System.out.println((dryRun ? "Would delete " : "Deleted ") + expired.size() + " partition(s) ending before " + cutoff + ".");
        }
        return ExitCodes.OK;
    }
}
