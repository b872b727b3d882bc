package io.logsearch.api.auth;

import io.logsearch.storage.query.Visibility;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking: the token's name, the organizations it may see (all when empty), its scopes, and
 * optionally the user it acts for, that user's role and time zone (for vendor facades that need them).
 */
public record Caller(String name, Optional<Set<String>> organizations, Set<Scope> scopes, Optional<String> userId,
                     Optional<String> role, Optional<ZoneId> timeZone) {

    /** Everyone, when no tokens are configured. */
    public static final Caller UNRESTRICTED = new Caller("anonymous", Optional.empty(), EnumSet.allOf(Scope.class),
            Optional.empty(), Optional.empty(), Optional.empty());

    public Caller {
        organizations = organizations.map(Set::copyOf);
        scopes = Set.copyOf(scopes);
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    public boolean canSee(String organizationId) {
        return visibility().allows(organizationId);
    }

    public Visibility visibility() {
        return new Visibility(organizations);
    }
}
