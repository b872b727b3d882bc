package io.logsearch.cli;

import io.logsearch.integrity.DigestDirectory;
import io.logsearch.integrity.PartitionReport;
import io.logsearch.integrity.SignatureCheck;
import io.logsearch.integrity.SigningKeys;
import io.logsearch.integrity.SortedLeaves;
import io.logsearch.integrity.TamperedIds;
import io.logsearch.integrity.VerificationReport;
import io.logsearch.integrity.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verify", description = {"Recompute every partition from Elasticsearch and check it, the digests' signatures"
        + " and their chain against --digest-dir.",
        "Exit status: 0 intact, 4 tampering found (each changed, deleted or inserted event named), 1 error."})
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    IndexOptions index;

    @Option(names = "--digest-dir", required = true, paramLabel = "DIR", description = "The directory of signed digest files.")
    Path digestDir;

    @Option(names = "--public-key", required = true, paramLabel = "FILE", description = "The public key the digests are signed with.")
    Path publicKey;

    @Override
    public Integer call() throws IOException {
        SignatureCheck check = new SignatureCheck(SigningKeys.readPublic(publicKey));
        Path work = Files.createTempDirectory("logsearch-verify-");
        try (Elasticsearch es = Elasticsearch.fromEnvironment()) {
            VerificationReport report = new Verifier(index.on(es.client()),
                    new DigestDirectory(digestDir), check, work, SortedLeaves.DEFAULT_RUN_SIZE).verify();
            report.partitions().forEach(partition -> System.out.println(describe(partition)));
            report.chainProblems().forEach(System.out::println);
            System.out.println(report.intact() ? "intact" : "TAMPERING FOUND");
            return report.intact() ? ExitCodes.OK : ExitCodes.TAMPERED;
        } finally {
            Files.deleteIfExists(work);
        }
    }

    /** One line per partition: {@code intact}, or each finding with the ids it touched. */
    static String describe(PartitionReport report) {
        String version = report.sealedVersion() == 0 ? "no digest" : "digest version " + report.sealedVersion();
        if (report.intact()) {
            return report.partition() + " (" + version + "): intact";
        }
        List<String> findings = new ArrayList<>();
        if (!report.signatureValid()) {
            findings.add("signature invalid");
        }
        if (!report.leavesMatch()) {
            findings.add("stored leaves do not match the signed digest");
        }
        findings(findings, "modified", report.modified());
        findings(findings, "deleted", report.deleted());
        findings(findings, "inserted", report.inserted());
        return report.partition() + " (" + version + "): " + String.join("; ", findings);
    }

    private static void findings(List<String> findings, String kind, TamperedIds ids) {
        if (ids.count() > 0) {
            String more = ids.count() > ids.ids().size() ? " and " + (ids.count() - ids.ids().size()) + " more" : "";
            findings.add(ids.count() + " " + kind + ": " + String.join(" ", ids.ids()) + more);
        }
    }
}
