package io.logsearch.api;

import java.util.List;

/**
 * An error answered as {@code application/problem+json} (RFC 9457). Thrown by handlers; rendered
 * by {@link Problems}.
 */
public final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One invalid input. */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final transient List<FieldError> errors;

    public ApiProblem(int status, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** A 400 for one invalid parameter. */
    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(400, "Invalid request", field + ": " + message, List.of(new FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
