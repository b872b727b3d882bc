package io.logsearch.generator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Onehub {@code GET /activity/} pages: {@code {"total_entries","current_page","total_pages","per_page",
 * "items":[{"event":{…}}]}}, 30 events a page, newest first, times in each actor's own time zone.
 *
 * <p>Records are distinct because their {@code id}s are: strictly decreasing from page to page.
 */
final class OnehubExport implements ExportGenerator {

    static final int PAGE_SIZE = 30;
    /** Other customers' events take the ids in between. */
    private static final int MAX_ID_GAP = 40;
    private static final DateTimeFormatter RAILS_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final Weighted<String> VERBS =
            Weighted.zipf(List.of("viewed", "downloaded", "uploaded", "updated", "created", "deleted", "invited"), 1.1);
    private static final Weighted<String> ROLES =
            Weighted.zipf(List.of("Collaborator", "Viewer", "Creator", "Moderator", "Administrator"), 1.0);

    @Override
    public String sourceId() {
        return "onehub";
    }

    @Override
    public void write(GeneratorSpec spec, OutputStream out) throws IOException {
        SplittableRandom seeded = Seeds.of(spec, sourceId());
        OnehubDirectory directory = OnehubDirectory.create(seeded.split());
        SplittableRandom random = seeded.split();
        long firstSecond = spec.start().getEpochSecond();
        Timeline timeline = new Timeline(random.split(), ActivityCurve.over(spec.start(), spec.days()),
                spec.events(), spec.until().getEpochSecond() - firstSecond, false);
        long id = 1_000_000L + random.nextInt(9_000_000) + spec.events() * MAX_ID_GAP;

        long totalPages = (spec.events() + PAGE_SIZE - 1) / PAGE_SIZE;
        try (JsonGenerator json = Ndjson.open(out)) {
            for (long page = 1; page <= Math.max(1, totalPages); page++) {
                json.writeStartObject();
                json.writeNumberField("total_entries", spec.events());
                json.writeNumberField("current_page", page);
                json.writeNumberField("total_pages", totalPages);
                json.writeNumberField("per_page", PAGE_SIZE);
                json.writeArrayFieldStart("items");
                for (int i = 0; i < PAGE_SIZE && timeline.hasNext(); i++) {
                    writeEvent(json, id, Instant.ofEpochSecond(firstSecond + timeline.next()), directory, random);
                    id -= 1 + random.nextInt(MAX_ID_GAP);
                }
                json.writeEndArray();
                json.writeEndObject();
                Ndjson.endLine(json);
            }
        }
        out.flush();
    }

    private static void writeEvent(JsonGenerator json, long id, Instant time, OnehubDirectory directory,
            SplittableRandom random) throws IOException {
        OnehubDirectory.User user = directory.pickUser(random);
        List<OnehubDirectory.Workspace> workspaces = user.workspaces();
        OnehubDirectory.Workspace workspace =
                random.nextDouble() < 0.7 ? workspaces.get(0) : workspaces.get(random.nextInt(workspaces.size()));
        json.writeStartObject();
        json.writeObjectFieldStart("event");
        json.writeNumberField("id", id);
        json.writeStringField("updated_at", RAILS_TIME.format(time.atZone(user.zone())));
        json.writeStringField("detail", detail(user, workspace, directory, random));
        json.writeNumberField("workspace_id", workspace.id());
        json.writeNumberField("user_id", user.id());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static String detail(OnehubDirectory.User user, OnehubDirectory.Workspace workspace,
            OnehubDirectory directory, SplittableRandom random) {
        String verb = VERBS.pick(random);
        String object = switch (verb) {
            case "created" -> OnehubMarkup.folder(workspace.id(), workspace.folders().pick(random)) + " in ";
            case "invited" -> OnehubMarkup.invitee(directory.pickInvitee(random), ROLES.pick(random)) + " to ";
            case "uploaded" -> OnehubMarkup.file(workspace.id(), workspace.files().pick(random)) + " to ";
            case "downloaded", "deleted" -> OnehubMarkup.file(workspace.id(), workspace.files().pick(random)) + " from ";
            default -> OnehubMarkup.file(workspace.id(), workspace.files().pick(random)) + " in ";
        };
        return OnehubMarkup.subject(user.name()) + " " + OnehubMarkup.predicate(verb) + " " + object
                + OnehubMarkup.workspace(workspace);
    }
}
