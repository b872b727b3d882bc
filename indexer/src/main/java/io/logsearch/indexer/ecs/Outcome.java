package io.logsearch.indexer.ecs;

/** ECS {@code event.outcome}. */
public enum Outcome {
    SUCCESS("success"),
    FAILURE("failure"),
    UNKNOWN("unknown");

    private final String ecsValue;

    Outcome(String ecsValue) {
        this.ecsValue = ecsValue;
    }

    public String ecsValue() {
        return ecsValue;
    }
}
