package io.logsearch.indexer.sources.actionhub;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ECS category and types of an ActionHub {@code event_type} such as {@code asset_viewed}: what the
 * learner did to a content asset (a video, document, quiz, course or link), read from the verb among
 * its words. ECS has no category for learning content; its assets are stored content, so their use is
 * {@code file}, and enrolling in a course, which adds the learner to the course's members, is
 * {@code iam} group change.
 */
enum Activity {
    ACCESS("file", List.of("access"), "viewed", "opened", "downloaded", "started", "progress", "completed",
            "clicked", "submitted", "passed", "failed", "retaken", "played", "watched", "attempted"),
    CREATION("file", List.of("creation"), "added", "created", "uploaded", "earned"),
    CHANGE("file", List.of("change"), "liked", "shared", "rated", "updated", "edited", "unliked"),
    DELETION("file", List.of("deletion"), "deleted", "removed"),
    ENROLLMENT("iam", List.of("group", "change"), "enrolled", "unenrolled"),
    OTHER("file", List.of("info"));

    private final String category;
    private final List<String> types;
    private final Set<String> verbs;

    Activity(String category, List<String> types, String... verbs) {
        this.category = category;
        this.types = types;
        this.verbs = Set.of(verbs);
    }

    /** The first word of {@code eventType} (split at anything but letters) that is a known verb decides. */
    static Activity of(String eventType) {
        for (String word : eventType.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            for (Activity activity : values()) {
                if (activity.verbs.contains(word)) {
                    return activity;
                }
            }
        }
        return OTHER;
    }

    String category() {
        return category;
    }

    List<String> types() {
        return types;
    }
}
