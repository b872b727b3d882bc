package io.logsearch.integrity;

import java.util.ArrayList;
import java.util.List;

/** How many events one kind of tampering touched, and the ids of the first {@link #LISTED} of them. */
public record TamperedIds(long count, List<String> ids) {

    public static final int LISTED = 1000;

    public TamperedIds {
        ids = List.copyOf(ids);
    }

    public static TamperedIds none() {
        return new TamperedIds(0, List.of());
    }

    /** Collects ids as they are found, keeping the count of all and the first {@link #LISTED}. */
    static final class Collector {
        private final List<String> ids = new ArrayList<>();
        private long count;

        void add(String id) {
            count++;
            if (ids.size() < LISTED) {
                ids.add(id);
            }
        }

        TamperedIds result() {
            return new TamperedIds(count, ids);
        }
    }
}
