package io.logsearch.generator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Authing {@code POST /api/v3/get-user-action-logs} pages, one user pool's query after another, with
 * the pool id the records do not carry in front: {@code {"userPoolId","statusCode":200,"message":"",
 * "data":{"totalCount","list":[…]}}}, 50 records a page, newest first. Pools without activity are
 * left out, so zero events give no lines.
 *
 * <p>Records are distinct because their {@code requestId}s are (see {@link Ids#requestId}).
 */
final class AuthingExport implements ExportGenerator {

    static final int PAGE_SIZE = 50;

    @Override
    public String sourceId() {
        return "authing";
    }

    @Override
    public void write(GeneratorSpec spec, OutputStream out) throws IOException {
        SplittableRandom seeded = Seeds.of(spec, sourceId());
        AuthingTenants tenants = AuthingTenants.create(seeded.split());
        SplittableRandom random = seeded.split();
        List<AuthingTenants.UserPool> pools = tenants.pools();
        long[] counts = Allocation.split(spec.events(), pools.stream().mapToDouble(AuthingTenants.UserPool::activity).toArray());
        ActivityCurve curve = ActivityCurve.over(spec.start(), spec.days());
        long firstMilli = spec.start().toEpochMilli();
        long slots = spec.until().toEpochMilli() - firstMilli;
        Records records = new Records(random.nextLong(), tenants.userCount(), random);

        try (JsonGenerator json = Ndjson.open(out)) {
            for (int p = 0; p < pools.size(); p++) {
                AuthingTenants.UserPool pool = pools.get(p);
                Timeline timeline = new Timeline(random.split(), curve, counts[p], slots, false);
                while (timeline.hasNext()) {
                    json.writeStartObject();
                    json.writeStringField("userPoolId", pool.id());
                    json.writeNumberField("statusCode", 200);
                    json.writeStringField("message", "");
                    json.writeObjectFieldStart("data");
                    json.writeNumberField("totalCount", counts[p]);
                    json.writeArrayFieldStart("list");
                    for (int i = 0; i < PAGE_SIZE && timeline.hasNext(); i++) {
                        records.write(json, pool, firstMilli + timeline.next());
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                    json.writeEndObject();
                    Ndjson.endLine(json);
                }
            }
        }
        out.flush();
    }

    /** Draws and writes one user action at a time, keeping each user's login count. */
    private static final class Records {

        private final long requestSalt;
        private final int[] loginsCount;
        private final SplittableRandom random;
        private long sequence;

        Records(long requestSalt, int users, SplittableRandom random) {
            this.requestSalt = requestSalt;
            this.loginsCount = new int[users];
            this.random = random;
        }

        void write(JsonGenerator json, AuthingTenants.UserPool pool, long epochMilli) throws IOException {
            AuthingTenants.User user = pool.users().pick(random);
            AuthingTenants.App app = pool.apps().pick(random);
            AuthingEvents.EventType type = AuthingEvents.TYPES.pick(random);
            boolean success = random.nextDouble() >= type.failureRate();
            Browsers.Browser browser = user.browsers().get(random.nextInt(user.browsers().size()));
            Places.Place place = random.nextDouble() < 0.93 ? user.home() : Places.CITIES.get(random.nextInt(Places.CITIES.size()));
            List<String> addresses = user.addresses();
            String clientIp = random.nextDouble() < 0.93 ? addresses.get(random.nextInt(addresses.size()))
                    : random.nextDouble() < 0.8 ? Addresses.ipv4(random) : Addresses.ipv6(random);

            json.writeStartObject();
            json.writeStringField("userId", user.id());
            json.writeStringField("userAvatar", user.avatar());
            json.writeStringField("userDisplayName", user.displayName());
            json.writeNumberField("userLoginsCount", loginsCountBefore(user, type, success));
            json.writeStringField("appId", app.id());
            json.writeStringField("appName", app.name());
            json.writeStringField("clientIp", clientIp);
            json.writeStringField("eventType", type.name());
            json.writeStringField("eventDetail", type.detail(success, random));
            json.writeBooleanField("success", success);
            json.writeStringField("appLoginUrl", app.loginUrl());
            json.writeStringField("appLogo", app.logo());
            json.writeStringField("userAgent", browser.userAgent());
            if (pool.epochTimestamps()) {
                json.writeNumberField("timestamp", epochMilli);
            } else {
                json.writeStringField("timestamp", Instant.ofEpochMilli(epochMilli).toString());
            }
            json.writeStringField("requestId", Ids.requestId(sequence++, requestSalt));
            json.writeObjectFieldStart("parsedUserAgent");
            json.writeStringField("device", browser.device());
            json.writeStringField("browser", browser.browser());
            json.writeStringField("os", browser.os());
            json.writeEndObject();
            writeGeoip(json, place);
            json.writeEndObject();
        }

        /** Newest first, so each successful login takes one off the count older records show. */
        private int loginsCountBefore(AuthingTenants.User user, AuthingEvents.EventType type, boolean success) {
            int index = user.index();
            if (loginsCount[index] == 0) {
                loginsCount[index] = user.loginsCount();
            }
            int count = loginsCount[index];
            if (success && type.name().equals("login") && count > 1) {
                loginsCount[index] = count - 1;
            }
            return count;
        }

        private static void writeGeoip(JsonGenerator json, Places.Place place) throws IOException {
            json.writeObjectFieldStart("geoip");
            json.writeObjectFieldStart("location");
            json.writeNumberField("lon", place.lon());
            json.writeNumberField("lat", place.lat());
            json.writeEndObject();
            json.writeStringField("country_name", place.countryName());
            json.writeStringField("country_code2", place.countryCode2());
            json.writeStringField("country_code3", place.countryCode3());
            json.writeStringField("region_name", place.regionName());
            json.writeStringField("region_code", place.regionCode());
            json.writeStringField("city_name", place.cityName());
            json.writeStringField("continent_code", place.continentCode());
            json.writeStringField("timezone", place.timezone());
            json.writeEndObject();
        }
    }
}
