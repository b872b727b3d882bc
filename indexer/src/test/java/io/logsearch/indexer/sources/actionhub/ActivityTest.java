package io.logsearch.indexer.sources.actionhub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logsearch.indexer.sources.EcsExpectedEventTypes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActivityTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "video_started      | file | access",
        "video_progress     | file | access",
        "video_completed    | file | access",
        "asset_viewed       | file | access",
        "document_opened    | file | access",
        "asset_downloaded   | file | access",
        "link_clicked       | file | access",
        "quiz_started       | file | access",
        "quiz_submitted     | file | access",
        "quiz_passed        | file | access",
        "quiz_failed        | file | access",
        "quiz_retaken       | file | access",
        "module_completed   | file | access",
        "course_completed   | file | access",
        "viewed             | file | access",
        "Asset Viewed       | file | access",
        "comment_added      | file | creation",
        "certificate_earned | file | creation",
        "asset_liked        | file | change",
        "asset_shared       | file | change",
        "asset_deleted      | file | deletion",
        "course_enrolled    | iam  | group change",
        "badge_polished     | file | info",
    })
    void eventTypesAreWhatTheLearnerDidToTheAsset(String eventType, String category, String types) {
        Activity activity = Activity.of(eventType);
        assertEquals(category, activity.category());
        assertEquals(List.of(types.split(" ")), activity.types());
    }

    @Test
    void everyActivityIsOneEcsExpects() {
        for (Activity activity : Activity.values()) {
            EcsExpectedEventTypes.assertExpected(List.of(activity.category()), activity.types(), activity.name());
        }
    }
}
