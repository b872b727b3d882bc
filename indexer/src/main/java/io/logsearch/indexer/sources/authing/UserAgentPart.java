package io.logsearch.indexer.sources.authing;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.indexer.sources.RecordFields;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One part (browser, os or device) of Authing's {@code parsedUserAgent}: either plain text such as
 * {@code "Chrome"}, or an object in ua-parser form ({@code {"family":"Chrome","major":"120","minor":"0"}})
 * or ua-parser-js form ({@code {"name":"Chrome","version":"120.0"}}).
 */
record UserAgentPart(Optional<String> name, Optional<String> version) {

    static UserAgentPart of(JsonNode part) {
        if (part.isTextual()) {
            return new UserAgentPart(nonBlank(part.asText()), Optional.empty());
        }
        if (!part.isObject()) {
            return new UserAgentPart(Optional.empty(), Optional.empty());
        }
        Optional<String> name = RecordFields.text(part, "family").or(() -> RecordFields.text(part, "name"));
        Optional<String> version = RecordFields.text(part, "version").or(() -> nonBlank(
                Stream.of("major", "minor", "patch", "patch_minor")
                        .map(field -> RecordFields.text(part, field))
                        .takeWhile(Optional::isPresent)
                        .map(Optional::get)
                        .collect(Collectors.joining("."))));
        return new UserAgentPart(name, version);
    }

    /** Name and version together, e.g. {@code Mac OS X 10.15.7}, when both are known. */
    Optional<String> full() {
        return name.flatMap(n -> version.map(v -> n + " " + v));
    }

    private static Optional<String> nonBlank(String text) {
        return Optional.of(text.strip()).filter(s -> !s.isEmpty());
    }
}
