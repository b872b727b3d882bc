package io.logsearch.cli;

import io.logsearch.indexer.sources.SourceContext;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Context the records of some sources do not carry themselves. */
final class ContextOptions {

    @Option(names = "--user-id", paramLabel = "ID", description = "ActionHub: the user the history belongs to, for pages whose wrapper gives no user_id (a wrapper's own user_id wins).")
    String userId;

    @Option(names = "--program-id", paramLabel = "ID", description = "ActionHub: the program (the program-id header), for pages whose wrapper gives no program_id (a wrapper's own program_id wins).")
    String programId;

    @Option(names = "--user-pool-id", paramLabel = "ID", description = "Authing: the user pool the logs come from, for pages whose wrapper gives no userPoolId (a wrapper's own userPoolId wins).")
    String userPoolId;

    SourceContext context() {
        Map<String, String> values = new HashMap<>();
        put(values, SourceContext.USER_ID, userId);
        put(values, SourceContext.PROGRAM_ID, programId);
        put(values, SourceContext.USER_POOL_ID, userPoolId);
        return new SourceContext(values);
    }

    private static void put(Map<String, String> values, String key, String value) {
        if (value != null && !value.isBlank()) {
            values.put(key, value);
        }
    }
}
