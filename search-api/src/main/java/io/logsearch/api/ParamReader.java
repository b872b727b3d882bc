package io.logsearch.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads query parameters and collects every problem with them, so one 400 names all invalid
 * parameters at once instead of the first.
 */
public final class ParamReader {

    private final Map<String, List<String>> params;
    private final List<ApiProblem.FieldError> errors = new ArrayList<>();

    public ParamReader(Map<String, List<String>> params) {
        this.params = params;
    }

    /** Every value given for a repeatable parameter; blank values are errors. */
    public List<String> list(String name) {
        List<String> values = new ArrayList<>();
        for (String value : params.getOrDefault(name, List.of())) {
            if (value.isBlank()) {
                error(name, "must not be empty");
            } else {
                values.add(value.trim());
            }
        }
        return values;
    }

    /** The one value of a parameter; giving it twice is an error. */
    public Optional<String> single(String name) {
        List<String> values = list(name);
        if (values.size() > 1) {
            error(name, "give it at most once");
        }
        return values.stream().findFirst();
    }

    public Optional<Integer> integer(String name, int min, int max) {
        return single(name).flatMap(text -> {
            try {
                int value = Integer.parseInt(text);
                if (value >= min && value <= max) {
                    return Optional.of(value);
                }
            } catch (NumberFormatException e) {
                // reported below with the accepted range
            }
            error(name, "must be a whole number from " + min + " to " + max + ", not '" + text + "'");
            return Optional.empty();
        });
    }

    public Optional<Boolean> bool(String name) {
        return single(name).flatMap(text -> switch (text) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                error(name, "must be true or false, not '" + text + "'");
                yield Optional.empty();
            }
        });
    }

    /** One of {@code choices}, exactly as written there; an error lists them in the order given (1m, 5m, 1h, not 1h, 1m, 5m). */
    public Optional<String> choice(String name, List<String> choices) {
        return single(name).flatMap(text -> {
            if (choices.contains(text)) {
                return Optional.of(text);
            }
            error(name, "must be one of " + String.join(", ", choices) + ", not '" + text + "'");
            return Optional.empty();
        });
    }

    /** Converts each value; values the converter refuses (empty) are errors with {@code message}. */
    public <T> List<T> each(String name, Function<String, Optional<T>> converter, String message) {
        List<T> converted = new ArrayList<>();
        for (String value : list(name)) {
            converter.apply(value).ifPresentOrElse(converted::add, () -> error(name, message + ", not '" + value + "'"));
        }
        return converted;
    }

    public boolean has(String name) {
        return params.containsKey(name);
    }

    /** Parameters the endpoint does not know are errors: a misspelt filter must not silently match everything. */
    public void rejectUnknown(Set<String> known) {
        for (String name : new TreeSet<>(params.keySet())) {
            if (!known.contains(name)) {
                error(name, "unknown parameter; this endpoint takes " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    public void error(String field, String message) {
        errors.add(new ApiProblem.FieldError(field, message));
    }

    /** Throws one 400 naming every problem found so far. */
    public void throwIfInvalid() {
        if (errors.isEmpty()) {
            return;
        }
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " invalid parameters: " + String.join(", ", errors.stream().map(ApiProblem.FieldError::field).toList());
        throw new ApiProblem(400, "Invalid request", detail, errors);
    }
}
