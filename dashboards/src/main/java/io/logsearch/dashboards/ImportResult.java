package io.logsearch.dashboards;

import java.util.List;

/** What Kibana's {@code _import} answered: the objects it imported and each one it refused, with why. */
public record ImportResult(boolean success, int successCount, List<String> errors) {

    public ImportResult {
        errors = List.copyOf(errors);
    }

    /** Only {@code success: true} with no per-object error is a complete import; Kibana answers both with HTTP 200. */
    public boolean complete() {
        return success && errors.isEmpty();
    }
}
