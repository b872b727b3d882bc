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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import io.logsearch.mappings.Partitioning;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verify", description = {"Recompute every partition from Elasticsearch and check it, the digests' signatures"
        + " and their chain against --digest-dir and the <base>-digests index.",
        "Exit status: 0 intact, 4 tampering found (each changed, deleted or inserted event named), 1 error."})
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    IndexOptions index;

    @Option(names = "--digest-dir", required = true, paramLabel = "DIR", description = "The directory of signed digest files.")
    Path digestDir;

    @Option(names = "--public-key", required = true, paramLabel = "FILE", description = "The public key the digests are signed with.")
    Path publicKey;

    @Option(names = "--from", paramLabel = "DATE", converter = From.class,
            description = "Check only the partitions that end after DATE (YYYY-MM-DD, UTC, or an ISO-8601 instant); the chain is checked whole.")
    Instant from = Partitioning.EARLIEST;

    @Option(names = "--to", paramLabel = "DATE", converter = To.class,
            description = "Check only the partitions that start by DATE (YYYY-MM-DD counts to the end of that UTC day, or an ISO-8601 instant).")
    Instant to = Partitioning.LATEST;

    @Override
    public Integer call() throws IOException {
        if (to.isBefore(from)) {
            throw new UsageException("--to " + to + " is before --from " + from);
        }
        SignatureCheck check = new SignatureCheck(SigningKeys.readPublic(publicKey));
        Path work = Files.createTempDirectory("logsearch-verify-");
        try (Elasticsearch es = Elasticsearch.fromEnvironment()) {
            VerificationReport report = new Verifier(index.on(es.client()),
                    new DigestDirectory(digestDir), check, work, SortedLeaves.DEFAULT_RUN_SIZE).verify(from, to);
            report.partitions().forEach(partition -> System.out.println(describe(partition)));
            report.chainProblems().forEach(System.out::println);
            report.storeProblems().forEach(System.out::println);
            System.out.println(report.intact() ? "intact" : "TAMPERING FOUND");
            return report.intact() ? ExitCodes.OK : ExitCodes.TAMPERED;
        } finally {
            Files.deleteIfExists(work);
        }
    }

    /** One line per partition: {@code intact}, or each finding with the ids it touched. */
    static String describe(PartitionReport report) {
        String version = report.sealedVersion() == 0 ? "no digest"
                : (report.retired() ? "retired by digest version " : "digest version ") + report.sealedVersion();
        if (report.intact()) {
            if (report.retired()) {
                return report.partition() + " (" + version + "): retired";
            }
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

    /** A date as the start of its UTC day, or an instant. */
    static final class From implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return date(value, false);
        }
    }

    /** A date as the last instant of its UTC day, or an instant. */
    static final class To implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return date(value, true);
        }
    }

    private static Instant date(String value, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is neither a date (YYYY-MM-DD) nor an ISO-8601 instant");
        }
    }
}
