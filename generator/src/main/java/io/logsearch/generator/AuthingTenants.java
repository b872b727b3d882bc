package io.logsearch.generator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Authing user pools with their applications and users. */
final class AuthingTenants {

    record App(String id, String name, String loginUrl, String logo) {
    }

    /** @param index position among all users of all pools, for per-user state kept by the writer */
    record User(int index, String id, String avatar, String displayName, int loginsCount, Places.Place home,
            List<String> addresses, List<Browsers.Browser> browsers) {
    }

    /** @param epochTimestamps whether this pool's API writes timestamps as epoch milliseconds */
    record UserPool(String id, boolean epochTimestamps, Weighted<App> apps, Weighted<User> users, double activity) {
    }

    private static final String FILES = "https://files.authing.co/";
    private static final List<String> APP_NAMES = List.of("Customer Portal", "Admin Console", "Mobile App",
            "Partner Hub", "Employee SSO", "Billing", "Helpdesk", "Data Studio", "Mini Program", "Developer Center");

    private final List<UserPool> pools;
    private final int userCount;

    private AuthingTenants(List<UserPool> pools, int userCount) {
        this.pools = pools;
        this.userCount = userCount;
    }

    static AuthingTenants create(SplittableRandom random) {
        int poolCount = 20 + random.nextInt(21);
        List<Person> people = People.draw(random, 300 + random.nextInt(301));
        double[] activity = Weighted.zipfWeights(people.size(), 0.9);
        Weighted<Integer> poolSizes = Weighted.zipf(IntStream.range(0, poolCount).boxed().toList(), 0.9);
        List<List<User>> members = new ArrayList<>();
        for (int p = 0; p < poolCount; p++) {
            members.add(new ArrayList<>());
        }
        Weighted<Places.Place> places = Weighted.zipf(Places.CITIES, 1.0);
        Weighted<Browsers.Browser> browsers = Weighted.zipf(Browsers.AGENTS, 0.9);
        for (int u = 0; u < people.size(); u++) {
            int pool = u < poolCount ? u : poolSizes.pick(random);
            members.get(pool).add(user(random, u, people.get(u), places, browsers));
        }

        List<UserPool> pools = new ArrayList<>(poolCount);
        for (int p = 0; p < poolCount; p++) {
            List<User> users = members.get(p);
            double[] weights = users.stream().mapToDouble(user -> activity[user.index()]).toArray();
            double poolActivity = 0;
            for (double weight : weights) {
                poolActivity += weight;
            }
            pools.add(new UserPool(Ids.objectId(random), p % 2 == 1, Weighted.zipf(apps(random), 1.0),
                    Weighted.of(users, weights), poolActivity));
        }
        return new AuthingTenants(List.copyOf(pools), people.size());
    }

    List<UserPool> pools() {
        return pools;
    }

    int userCount() {
        return userCount;
    }

    private static User user(SplittableRandom random, int index, Person person, Weighted<Places.Place> places,
            Weighted<Browsers.Browser> browsers) {
        String avatar = random.nextDouble() < 0.7
                ? FILES + "authing-console/default-user-avatar.png"
                : FILES + "user-uploads/" + Ids.objectId(random) + ".jpg";
        double name = random.nextDouble();
        String displayName = name < 0.85 ? person.fullName()
                : name < 0.95 ? person.email("example.com") : "1" + (30 + random.nextInt(60)) + "****" + (1000 + random.nextInt(9000));
        List<String> addresses = new ArrayList<>();
        for (int i = 0, count = 1 + random.nextInt(3); i < count; i++) {
            addresses.add(random.nextDouble() < 0.85 ? Addresses.ipv4(random) : Addresses.ipv6(random));
        }
        Set<Browsers.Browser> devices = new LinkedHashSet<>();
        for (int wanted = 1 + random.nextInt(2); devices.size() < wanted; ) {
            devices.add(browsers.pick(random));
        }
        return new User(index, Ids.objectId(random), avatar, displayName, 20 + random.nextInt(3000),
                places.pick(random), List.copyOf(addresses), List.copyOf(devices));
    }

    private static List<App> apps(SplittableRandom random) {
        List<App> apps = new ArrayList<>();
        for (String name : Shuffle.shuffled(random, APP_NAMES).subList(0, 1 + random.nextInt(5))) {
            String host = name.toLowerCase(Locale.ROOT).replace(' ', '-') + "-" + Ids.hex(random.nextLong(), 6);
            String logo = random.nextBoolean()
                    ? FILES + "authing-console/default-app-logo.png"
                    : FILES + "user-uploads/" + Ids.objectId(random) + ".png";
            apps.add(new App(Ids.objectId(random), name, "https://" + host + ".authing.cn/login", logo));
        }
        return apps;
    }
}
