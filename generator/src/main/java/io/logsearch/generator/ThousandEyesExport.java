package io.logsearch.generator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * ThousandEyes {@code GET /v7/audit-user-events?useAllPermittedAids=true} pages:
 * {@code {"auditEvents":[…],"startDate","endDate","_links":{"self","next"}}}, newest first.
 *
 * <p>Records are distinct although {@code date} has whole seconds only: records of different seconds
 * differ in {@code date}, and within one second no two records get the same {@code ipAddress}
 * (a repeated address is replaced by one the user roams from).
 */
final class ThousandEyesExport implements ExportGenerator {

    static final int PAGE_SIZE = 1000;
    private static final String ENDPOINT = "https://api.thousandeyes.com/v7/audit-user-events";
    private static final Weighted<ThousandEyesOrganization.Event> EVENTS =
            Weighted.zipf(ThousandEyesOrganization.EVENTS, 1.0);

    @Override
    public String sourceId() {
        return "thousandeyes";
    }

    @Override
    public void write(GeneratorSpec spec, OutputStream out) throws IOException {
        SplittableRandom seeded = Seeds.of(spec, sourceId());
        ThousandEyesOrganization organization = ThousandEyesOrganization.create(seeded.split());
        SplittableRandom random = seeded.split();
        long firstSecond = spec.start().getEpochSecond();
        Timeline timeline = new Timeline(random.split(), ActivityCurve.over(spec.start(), spec.days()),
                spec.events(), spec.until().getEpochSecond() - firstSecond, false);
        Records records = new Records(organization, random, timeline, firstSecond);

        String query = "?useAllPermittedAids=true&startDate=" + spec.start() + "&endDate=" + spec.until();
        long pages = Math.max(1, (spec.events() + PAGE_SIZE - 1) / PAGE_SIZE);
        try (JsonGenerator json = Ndjson.open(out)) {
            for (long page = 1; page <= pages; page++) {
                json.writeStartObject();
                json.writeArrayFieldStart("auditEvents");
                for (int i = 0; i < PAGE_SIZE && timeline.hasNext(); i++) {
                    records.writeNext(json);
                }
                json.writeEndArray();
                json.writeStringField("startDate", spec.start().toString());
                json.writeStringField("endDate", spec.until().toString());
                json.writeObjectFieldStart("_links");
                writeLink(json, "self", ENDPOINT + query + (page == 1 ? "" : "&cursor=" + cursor(page, spec.seed())));
                if (page < pages) {
                    writeLink(json, "next", ENDPOINT + query + "&cursor=" + cursor(page + 1, spec.seed()));
                }
                json.writeEndObject();
                json.writeEndObject();
                Ndjson.endLine(json);
            }
        }
        out.flush();
    }

    private static void writeLink(JsonGenerator json, String name, String href) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeStringField("href", href);
        json.writeEndObject();
    }

    private static String cursor(long page, long seed) {
        String state = "{\"page\":" + page + ",\"snapshot\":\"" + Ids.hex(Ids.scramble(seed), 16) + "\"}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(state.getBytes(StandardCharsets.UTF_8));
    }

    /** Draws and writes one audit event at a time. */
    private static final class Records {

        private final ThousandEyesOrganization organization;
        private final SplittableRandom random;
        private final Timeline timeline;
        private final long firstSecond;
        private final Set<String> addressesThisSecond = new HashSet<>();
        private long currentSecond = -1;

        Records(ThousandEyesOrganization organization, SplittableRandom random, Timeline timeline, long firstSecond) {
            this.organization = organization;
            this.random = random;
            this.timeline = timeline;
            this.firstSecond = firstSecond;
        }

        void writeNext(JsonGenerator json) throws IOException {
            long second = firstSecond + timeline.next();
            ThousandEyesOrganization.User user = organization.pickUser(random);
            ThousandEyesOrganization.Event event = EVENTS.pick(random);
            List<ThousandEyesOrganization.AccountGroup> groups = user.groups();
            ThousandEyesOrganization.AccountGroup group =
                    random.nextDouble() < 0.8 ? groups.get(0) : groups.get(random.nextInt(groups.size()));

            json.writeStartObject();
            json.writeStringField("accountGroupName", group.name());
            json.writeStringField("aid", group.aid());
            json.writeStringField("date", Instant.ofEpochSecond(second).toString());
            json.writeStringField("event", event.text());
            json.writeStringField("ipAddress", addressUniqueWithin(second, user));
            json.writeStringField("uid", user.uid());
            json.writeStringField("user", user.user());
            if (!event.resourceTypes().isEmpty()) {
                json.writeArrayFieldStart("resources");
                int count = 1 + random.nextInt(event.resourceTypes().size());
                for (String type : event.resourceTypes().subList(0, count)) {
                    json.writeStartObject();
                    json.writeStringField("name", organization.pickResource(type, random));
                    json.writeStringField("type", type);
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }

        private String addressUniqueWithin(long second, ThousandEyesOrganization.User user) {
            if (second != currentSecond) {
                currentSecond = second;
                addressesThisSecond.clear();
            }
            List<String> usual = user.addresses();
            String address = random.nextDouble() < 0.93 ? usual.get(random.nextInt(usual.size())) : roaming();
            while (!addressesThisSecond.add(address)) {
                address = roaming();
            }
            return address;
        }

        private String roaming() {
            return random.nextDouble() < 0.8 ? Addresses.ipv4(random) : Addresses.ipv6(random);
        }
    }
}
