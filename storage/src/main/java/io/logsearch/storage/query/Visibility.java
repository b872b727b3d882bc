package io.logsearch.storage.query;

import java.util.Optional;
import java.util.Set;

/**
 * The organizations a caller may see, applied by the server to every query whatever the caller
 * asked for: all of them, or only those listed.
 */
public record Visibility(Optional<Set<String>> organizations) {

    public Visibility {
        organizations = organizations.map(Set::copyOf);
    }

    public boolean allows(String organizationId) {
        return organizations.map(o -> o.contains(organizationId)).orElse(true);
    }
}
