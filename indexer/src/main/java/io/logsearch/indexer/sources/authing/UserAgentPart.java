package io.logsearch.indexer.sources.authing;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.indexer.sources.RecordFields;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One part (browser, os or device) of Authing's {@code parsedUserAgent}: either plain text such as
 * {@code "Chrome"}, or an object in ua-parser form ({@code {"family":"Chrome","major":"120","minor":"0"}})
 * or ua-parser-js form ({@code {"name":"Chrome","version":"120.0"}}). A name given with its version
 * ({@code "Chrome 124.0.0"}, {@code "Mac OS X 10.15.7"}) is split at its last word when that word
 * starts with a digit: ECS names carry no version.
 */
record UserAgentPart(Optional<String> name, Optional<String> version) {

    private static final Pattern VERSIONED = Pattern.compile("(.*\\S)\\s+(\\d[0-9A-Za-z._-]*)");

    static UserAgentPart of(JsonNode part) {
        if (part.isTextual()) {
            return split(part.asText().strip());
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
        if (version.isEmpty() && name.isPresent()) {
            return split(name.get());
        }
        return new UserAgentPart(name, version);
    }

    /** The parts of a name that may end in its version, as words of a device name do not. */
    private static UserAgentPart split(String text) {
        Matcher versioned = VERSIONED.matcher(text);
        if (versioned.matches()) {
            return new UserAgentPart(Optional.of(versioned.group(1)), Optional.of(versioned.group(2)));
        }
        return new UserAgentPart(nonBlank(text), Optional.empty());
    }

    /** A device's name as it is: {@code "Google Pixel 8"} has no version. */
    static Optional<String> deviceName(JsonNode part) {
        if (part.isTextual()) {
            return nonBlank(part.asText());
        }
        return part.isObject() ? RecordFields.text(part, "family").or(() -> RecordFields.text(part, "name")) : Optional.empty();
    }

    /** Name and version together, e.g. {@code Mac OS X 10.15.7}, when both are known. */
    Optional<String> full() {
        return name.flatMap(n -> version.map(v -> n + " " + v));
    }

    private static Optional<String> nonBlank(String text) {
        return Optional.of(text.strip()).filter(s -> !s.isEmpty());
    }
}
