package io.logsearch.api.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.JsonResponses;
import io.logsearch.api.ParamReader;
import io.logsearch.api.auth.AccessControl;
import io.logsearch.api.auth.Scope;
import io.logsearch.integrity.PartitionReport;
import io.logsearch.integrity.TamperedIds;
import io.logsearch.integrity.VerificationReport;
import io.logsearch.mappings.Partitioning;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/integrity?startDate&endDate} (admin scope): the report of {@code verify} as JSON,
 * 200 whether intact or not ({@code intact} says which); 404 when the server has no digests to check.
 */
public final class IntegrityHandler implements Handler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PARAMS = Set.of("startDate", "endDate");

    private final Optional<IntegrityCheck> check;

    public IntegrityHandler(Optional<IntegrityCheck> check) {
        this.check = check;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        AccessControl.require(ctx, Scope.ADMIN);
        ParamReader params = new ParamReader(ctx.queryParamMap());
        params.rejectUnknown(PARAMS);
        Instant from = params.single("startDate").flatMap(text -> instant(params, "startDate", text, false)).orElse(Partitioning.EARLIEST);
        Instant to = params.single("endDate").flatMap(text -> instant(params, "endDate", text, true)).orElse(Partitioning.LATEST);
        if (to.isBefore(from)) {
            params.error("endDate", "is before startDate");
        }
        params.throwIfInvalid();
        if (check.isEmpty()) {
            throw new ApiProblem(404, "Not configured", "This server verifies no digests: start it with --seal-keys and --digest-dir.", List.of());
        }
        JsonResponses.write(ctx, "application/json", json(check.get().verify(from, to)));
    }

    /** A date (UTC: its first instant, or its last for {@code endDate}) or an ISO-8601 date-time with offset. */
    private static Optional<Instant> instant(ParamReader params, String name, String text, boolean endOfDay) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return Optional.of(endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeException e) {
            params.error(name, "must be a date (YYYY-MM-DD) or an ISO-8601 date-time with offset, not '" + text + "'");
            return Optional.empty();
        }
    }

    static ObjectNode json(VerificationReport report) {
        ObjectNode body = JSON.createObjectNode();
        body.put("intact", report.intact());
        ArrayNode partitions = body.putArray("partitions");
        for (PartitionReport partition : report.partitions()) {
            ObjectNode node = partitions.addObject()
                    .put("partition", partition.partition())
                    .put("intact", partition.intact())
                    .put("sealedVersion", partition.sealedVersion())
                    .put("retired", partition.retired())
                    .put("signatureValid", partition.signatureValid())
                    .put("leavesMatch", partition.leavesMatch());
            ids(node, "modified", partition.modified());
            ids(node, "deleted", partition.deleted());
            ids(node, "inserted", partition.inserted());
        }
        report.chainProblems().forEach(body.putArray("chainProblems")::add);
        report.storeProblems().forEach(body.putArray("storeProblems")::add);
        return body;
    }

    private static void ids(ObjectNode node, String kind, TamperedIds ids) {
        ObjectNode child = node.putObject(kind).put("count", ids.count());
        ids.ids().forEach(child.putArray("ids")::add);
    }
}
