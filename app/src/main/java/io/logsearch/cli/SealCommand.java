package io.logsearch.cli;

import io.logsearch.integrity.PartitionDigest;
import io.logsearch.integrity.PartitionReport;
import io.logsearch.integrity.Sealer;
import io.logsearch.integrity.SigningKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "seal", description = {"Sign a digest of every partition without one, and a next version of every partition"
        + " that only gained events since its digest, into --digest-dir.",
        "A partition whose events were changed or deleted is not sealed again: it is reported and the exit status is 4."})
final class SealCommand implements Callable<Integer> {

    @Mixin
    IndexOptions index;

    @Option(names = "--digest-dir", required = true, paramLabel = "DIR", description = "The directory of signed digest files.")
    Path digestDir;

    @Option(names = "--keys", required = true, paramLabel = "DIR",
            description = "The directory 'keys generate' wrote: " + SigningKeys.PRIVATE_KEY_FILE + " and " + SigningKeys.PUBLIC_KEY_FILE + ".")
    Path keys;

    @Override
    public Integer call() throws IOException {
        Path work = SealOptions.workDir();
        try (Elasticsearch es = Elasticsearch.fromEnvironment()) {
            Sealer.Result result = SealOptions.sealer(index.on(es.client()), digestDir, keys, work).seal();
            return report(result);
        } finally {
            Files.deleteIfExists(work);
        }
    }

    /** Prints what a seal did; the exit status is {@link ExitCodes#TAMPERED} when it refused a partition. */
    static int report(Sealer.Result result) {
        for (PartitionDigest digest : result.sealed()) {
            System.out.println("sealed " + digest.partition() + " version " + digest.version() + ": "
                    + digest.documentCount() + " events, root " + digest.merkleRoot());
        }
        for (PartitionReport report : result.refused()) {
            System.out.println("not sealed, " + VerifyCommand.describe(report));
        }
        System.out.println("sealed=" + result.sealed().size() + " refused=" + result.refused().size());
        return result.refused().isEmpty() ? ExitCodes.OK : ExitCodes.TAMPERED;
    }
}
