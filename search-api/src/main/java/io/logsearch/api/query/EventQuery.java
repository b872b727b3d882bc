package io.logsearch.api.query;

/**
 * What a caller asks for, already validated.
 *
 * @param size events per page, 1 to 1000
 */
public record EventQuery(int size) {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;

    public EventQuery {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
    }
}
