package io.logsearch.generator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/** ActionHub programs with their assets, and the users enrolled in them. */
final class ActionHubPrograms {

    /** A kind of asset and the events it records, most frequent first. */
    enum Kind {
        VIDEO("video", List.of("video_started", "video_progress", "video_completed", "asset_viewed", "asset_liked")),
        DOCUMENT("document", List.of("document_opened", "asset_viewed", "asset_downloaded", "asset_shared",
                "comment_added")),
        QUIZ("quiz", List.of("quiz_started", "quiz_submitted", "quiz_passed", "quiz_failed", "quiz_retaken")),
        COURSE("course", List.of("course_enrolled", "module_completed", "course_completed", "certificate_earned")),
        LINK("link", List.of("link_clicked", "asset_viewed", "asset_shared"));

        final String label;
        final Weighted<String> events;

        Kind(String label, List<String> events) {
            this.label = label;
            this.events = Weighted.zipf(events, 1.0);
        }
    }

    record Asset(String id, String name, Kind kind, List<String> labels) {
    }

    record Program(String id, Weighted<Asset> assets) {
    }

    /** One user's history in one program, the unit ActionHub's API returns. */
    record Enrollment(String userId, Program program, double weight) {
    }

    private static final List<String> PROGRAMS = List.of("Sales Onboarding", "Security Awareness",
            "Leadership Essentials", "Customer Success Academy", "Product Certification", "Compliance Training",
            "Partner Enablement", "Engineering Bootcamp", "New Manager Training", "Data Privacy",
            "Support Tier 1", "Marketing Playbook", "Field Service Basics", "Finance Fundamentals");
    private static final List<String> COHORTS = List.of("2023", "2024", "2025", "EMEA", "APAC", "Americas",
            "Cohort 7", "Cohort 8", "Pilot");
    private static final List<String> TOPICS = List.of("Objection Handling", "Discovery Calls", "Pricing Basics",
            "Phishing", "Password Hygiene", "Giving Feedback", "Negotiation", "GDPR Basics", "Incident Response",
            "Code Review", "Product Tour", "Demo Skills", "Time Management", "Escalations", "Forecasting",
            "Data Classification", "Onboarding Checklist", "Account Planning", "Safe Browsing", "Coaching");
    private static final Weighted<Kind> KINDS = Weighted.of(List.of(Kind.values()), new double[] {0.35, 0.3, 0.15, 0.1, 0.1});
    private static final List<String> CHANNELS = List.of("web", "mobile", "desktop");

    private final List<Enrollment> enrollments;

    private ActionHubPrograms(List<Enrollment> enrollments) {
        this.enrollments = enrollments;
    }

    static ActionHubPrograms create(SplittableRandom random) {
        List<Program> programs = new ArrayList<>();
        int[] order = Shuffle.permutation(random, PROGRAMS.size() * COHORTS.size());
        for (int i = 0, count = 20 + random.nextInt(21); i < count; i++) {
            String name = PROGRAMS.get(order[i] % PROGRAMS.size()) + " " + COHORTS.get(order[i] / PROGRAMS.size());
            programs.add(new Program(slug(name), Weighted.zipf(assets(random, 30 + random.nextInt(121)), 1.0)));
        }
        Weighted<Program> popularity = Weighted.zipf(programs, 0.8);

        int users = 300 + random.nextInt(301);
        double[] activity = Weighted.zipfWeights(users, 0.9);
        List<Enrollment> enrollments = new ArrayList<>();
        for (int user = 0; user < users; user++) {
            String userId = Ids.uuid(random);
            Set<Program> joined = new LinkedHashSet<>();
            for (int wanted = 1 + random.nextInt(3); joined.size() < wanted; ) {
                joined.add(popularity.pick(random));
            }
            for (Program program : joined) {
                enrollments.add(new Enrollment(userId, program, activity[user] * (0.5 + random.nextDouble()) / joined.size()));
            }
        }
        return new ActionHubPrograms(List.copyOf(enrollments));
    }

    List<Enrollment> enrollments() {
        return enrollments;
    }

    /** The labels of one event: where it happened, sometimes why. */
    static List<String> eventLabels(SplittableRandom random) {
        String channel = CHANNELS.get(random.nextDouble() < 0.6 ? 0 : 1 + random.nextInt(2));
        double reason = random.nextDouble();
        return reason < 0.15 ? List.of(channel, "recommended") : reason < 0.22 ? List.of(channel, "assigned") : List.of(channel);
    }

    private static List<Asset> assets(SplittableRandom random, int count) {
        List<Asset> assets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Kind kind = KINDS.pick(random);
            String topic = TOPICS.get(random.nextInt(TOPICS.size()));
            int module = 1 + random.nextInt(8);
            String name = switch (kind) {
                case VIDEO -> topic + " – Video " + (1 + random.nextInt(5));
                case DOCUMENT -> topic + (random.nextBoolean() ? " Guide.pdf" : " Cheat Sheet.pdf");
                case QUIZ -> topic + " Quiz";
                case COURSE -> topic + " Course";
                case LINK -> topic + " Resources";
            };
            List<String> labels = random.nextDouble() < 0.3
                    ? List.of(kind.label, "module-" + module, "required")
                    : List.of(kind.label, "module-" + module);
            assets.add(new Asset("ast_" + Ids.hex(random.nextLong(), 12), name, kind, labels));
        }
        return assets;
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
