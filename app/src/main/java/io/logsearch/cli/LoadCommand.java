package io.logsearch.cli;

import io.logsearch.indexer.load.DeadLetterFile;
import io.logsearch.indexer.load.LoadCounters;
import io.logsearch.indexer.load.LoadFailedException;
import io.logsearch.indexer.load.LoadSummary;
import io.logsearch.indexer.load.Loader;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.integrity.Sealer;
import io.logsearch.storage.BulkSettings;
import io.logsearch.storage.EventStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "load", description = {
        "Bulk-load vendor exports into Elasticsearch.",
        "Accepts response bodies (one, concatenated, or one per line),",
        "JSON arrays or NDJSON of records, gzipped or not; files, directories (recursively), or - for stdin.",
        "Loading the same export again indexes nothing new and counts the records as duplicates.",
        "With --seal-keys and --digest-dir, seals the index base afterwards (as 'seal' does)."})
final class LoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    IndexOptions index;

    @Mixin
    ExportOptions export;

    @Mixin
    SealOptions seal;

    @Override
    public Integer call() throws IOException {
        List<ExportInput> inputs = export.inputs(spec);
        seal.enabled();
        LoadCounters counters = new LoadCounters();
        long totalBytes = inputs.stream().mapToLong(i -> i.size().orElse(0)).sum();
        try (Elasticsearch es = Elasticsearch.fromEnvironment();
             DeadLetterFile rejected = export.deadLetterFile()) {
            LoadSummary summary;
            try (ProgressDisplay progress = new ProgressDisplay("load " + export.source.id(), counters, totalBytes)) {
                summary = new Loader(index.on(es.client()), BulkSettings.DEFAULTS)
                        .load(export.source, export.context.context(), inputs, rejected, counters);
            } catch (LoadFailedException e) {
                System.out.println(partialSummary(counters));
                throw e;
            }
            System.out.println(summary.line());
            int status = ExportOptions.report(rejected, counters);
            int sealed = sealAfterLoad(index.on(es.client()));
            return status == ExitCodes.OK ? sealed : status;
        }
    }

    private int sealAfterLoad(EventStore store) throws IOException {
        Path work = SealOptions.workDir();
        try {
            Optional<Sealer> sealer = seal.sealer(store, work);
            if (sealer.isEmpty()) {
                return ExitCodes.OK;
            }
            store.partitionAdmin().refresh();
            return SealCommand.report(sealer.get().seal());
        } finally {
            Files.deleteIfExists(work);
        }
    }

    private static String partialSummary(LoadCounters counters) {
        return "stopped: read=" + counters.read() + " indexed=" + counters.indexed() + " duplicates=" + counters.duplicates()
                + " rejected=" + counters.rejected() + " (run the same load again to finish; nothing is written twice)";
    }
}
