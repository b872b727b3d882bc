package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParamReaderTest {

    private static ParamReader reader(Map<String, List<String>> params) {
        return new ParamReader(params);
    }

    @Test
    void valuesAreTrimmedAndTypedWithinTheirBounds() {
        ParamReader params = reader(Map.of("size", List.of(" 25 "), "flag", List.of("true"), "order", List.of("asc"),
                "tags", List.of("a", " b")));
        assertEquals(Optional.of(25), params.integer("size", 1, 100));
        assertEquals(Optional.of(true), params.bool("flag"));
        assertEquals(Optional.of("asc"), params.choice("order", List.of("asc", "desc")));
        assertEquals(List.of("a", "b"), params.list("tags"));
        assertEquals(Optional.empty(), params.single("absent"));
        assertDoesNotThrow(params::throwIfInvalid);
    }

    @Test
    void choicesAreListedInTheOrderTheEndpointGivesThem() {
        ParamReader params = reader(Map.of("interval", List.of("2m")));
        params.choice("interval", List.of("1m", "5m", "1h", "1d", "30d"));
        ApiProblem problem = assertThrows(ApiProblem.class, params::throwIfInvalid);
        assertEquals("interval: must be one of 1m, 5m, 1h, 1d, 30d, not '2m'", problem.detail());
    }

    @Test
    void oneProblemIsTheDetailItself() {
        ParamReader params = reader(Map.of("size", List.of("0")));
        assertEquals(Optional.empty(), params.integer("size", 1, 100));
        ApiProblem problem = assertThrows(ApiProblem.class, params::throwIfInvalid);
        assertEquals(400, problem.status());
        assertEquals("size: must be a whole number from 1 to 100, not '0'", problem.detail());
    }

    @Test
    void everyProblemIsCollectedIntoOne400() {
        ParamReader params = reader(Map.of("size", List.of("many"), "flag", List.of("yes"), "order", List.of("up"),
                "one", List.of("1", "2"), "blank", List.of(""), "tyop", List.of("x")));
        params.integer("size", 1, 100);
        params.bool("flag");
        params.choice("order", List.of("asc", "desc"));
        params.single("one");
        params.list("blank");
        params.rejectUnknown(Set.of("size", "flag", "order", "one", "blank"));
        ApiProblem problem = assertThrows(ApiProblem.class, params::throwIfInvalid);
        assertEquals(List.of(
                new ApiProblem.FieldError("size", "must be a whole number from 1 to 100, not 'many'"),
                new ApiProblem.FieldError("flag", "must be true or false, not 'yes'"),
                new ApiProblem.FieldError("order", "must be one of asc, desc, not 'up'"),
                new ApiProblem.FieldError("one", "give it at most once"),
                new ApiProblem.FieldError("blank", "must not be empty"),
                new ApiProblem.FieldError("tyop", "unknown parameter; this endpoint takes blank, flag, one, order, size")),
                problem.errors());
        assertEquals("6 invalid parameters: size, flag, order, one, blank, tyop", problem.detail());
    }

    @Test
    void eachValueIsConvertedOrNamedWithTheMessage() {
        ParamReader params = reader(Map.of("n", List.of("1", "x", "3")));
        assertEquals(List.of(1, 3), params.each("n", v -> v.matches("\\d+") ? Optional.of(Integer.parseInt(v)) : Optional.empty(),
                "must be digits"));
        assertEquals("n: must be digits, not 'x'", assertThrows(ApiProblem.class, params::throwIfInvalid).detail());
    }
}
