package io.logsearch.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bearer tokens a server accepts, read from a tokens file. Only SHA-256 hashes of tokens are
 * stored; a presented token is hashed and compared with every entry in constant time. Optional
 * access keys, for vendor SDKs that sign requests (Authing's), hold their secrets in the clear:
 * a file with any is refused unless only its owner may read or write it.
 *
 * <pre>{"tokens": [{"name": "ops", "sha256": "&lt;hex&gt;", "organizations": ["*"], "scopes": ["search"],
 *   "userId": "optional", "role": "optional", "timeZone": "optional IANA zone, e.g. America/Los_Angeles"}],
 *  "accessKeys": [{"id": "&lt;access key id&gt;", "secret": "&lt;secret&gt;", "userPool": "&lt;user pool id&gt;", "scopes": ["search"]}]}</pre>
 */
public final class Tokens {

    private record Entry(byte[] sha256, Caller caller) {
    }

    private final List<Entry> entries;
    private final Map<String, AccessKey> accessKeys;

    private Tokens(List<Entry> entries, Map<String, AccessKey> accessKeys) {
        this.entries = List.copyOf(entries);
        this.accessKeys = Map.copyOf(accessKeys);
    }

    /** @throws IllegalArgumentException naming the file, the entry and the field that is wrong */
    public static Tokens read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("tokens file " + file + " is not valid JSON: " + e.getOriginalMessage());
        }
        Tokens tokens = parse(root, file.toString());
        if (!tokens.accessKeys.isEmpty()) {
            requireOwnerOnly(file);
        }
        return tokens;
    }

    /** Access keys hold secrets: group and others must not be able to read or change the file. */
    private static void requireOwnerOnly(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            return;
        }
        Set<PosixFilePermission> open = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
        open.retainAll(posix.readAttributes().permissions());
        if (!open.isEmpty()) {
            throw new IllegalArgumentException("tokens file " + file + " holds access key secrets but is "
                    + PosixFilePermissions.toString(posix.readAttributes().permissions())
                    + ": make it readable by its owner only (chmod 600 " + file + ")");
        }
    }

    static Tokens parse(JsonNode root, String origin) {
        JsonNode list = root == null ? null : root.get("tokens");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException("tokens file " + origin + " must hold {\"tokens\": [ ... ]} with at least one token");
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode token = list.get(i);
            String where = "tokens file " + origin + ", token " + (i + 1);
            String name = required(token, "name", where);
            if (!names.add(name)) {
                throw new IllegalArgumentException(where + ": the name '" + name + "' is used twice");
            }
            String hash = required(token, "sha256", where).toLowerCase(java.util.Locale.ROOT);
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(where + " (" + name + "): sha256 must be 64 hex digits, the SHA-256 of the token");
            }
            entries.add(new Entry(HexFormat.of().parseHex(hash), new Caller(name, organizations(token, where),
                    scopes(token, where), optional(token, "userId"), optional(token, "role"), timeZone(token, where))));
        }
        return new Tokens(entries, accessKeys(root.get("accessKeys"), origin, names));
    }

    private static Map<String, AccessKey> accessKeys(JsonNode list, String origin, Set<String> tokenNames) {
        if (list == null || list.isNull()) {
            return Map.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("tokens file " + origin + ": accessKeys must be an array");
        }
        Map<String, AccessKey> keys = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode key = list.get(i);
            String where = "tokens file " + origin + ", access key " + (i + 1);
            String id = required(key, "id", where);
            if (keys.containsKey(id) || tokenNames.contains(id)) {
                throw new IllegalArgumentException(where + ": the id '" + id + "' is used twice");
            }
            String secret = required(key, "secret", where);
            String userPool = required(key, "userPool", where);
            keys.put(id, new AccessKey(id, secret, new Caller(id, Optional.of(Set.of(userPool)), scopes(key, where),
                    Optional.empty(), Optional.empty(), Optional.empty())));
        }
        return keys;
    }

    /** The caller a presented token belongs to. Every entry is compared, so timing reveals nothing. */
    public Optional<Caller> authenticate(String token) {
        byte[] presented = sha256(token);
        Caller match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.sha256(), presented)) {
                match = entry.caller();
            }
        }
        return Optional.ofNullable(match);
    }

    /** The caller of the token named {@code name}. */
    public Optional<Caller> named(String name) {
        return entries.stream().map(Entry::caller).filter(caller -> caller.name().equals(name)).findFirst();
    }

    /** The access key with this id. */
    public Optional<AccessKey> accessKey(String id) {
        return Optional.ofNullable(accessKeys.get(id));
    }

    public static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private static Optional<Set<String>> organizations(JsonNode token, String where) {
        JsonNode list = token.get("organizations");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(where + ": organizations must be a non-empty array of ids, or [\"*\"] for all");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode id : list) {
            if (!id.isTextual() && !id.isIntegralNumber() || id.asText().isBlank()) {
                throw new IllegalArgumentException(where + ": organizations holds " + id + ", which is not an id");
            }
            ids.add(id.asText());
        }
        return ids.contains("*") ? Optional.empty() : Optional.of(ids);
    }

    private static Set<Scope> scopes(JsonNode token, String where) {
        JsonNode list = token.get("scopes");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(where + ": scopes must be a non-empty array of search, ingest, admin, audit");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (JsonNode scope : list) {
            try {
                scopes.add(Scope.parse(scope.asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        return scopes;
    }

    private static Optional<ZoneId> timeZone(JsonNode token, String where) {
        Optional<String> zone = optional(token, "timeZone");
        if (zone.isPresent() && !ZoneId.getAvailableZoneIds().contains(zone.get())) {
            throw new IllegalArgumentException(where + ": timeZone must be an IANA time zone such as America/Los_Angeles, not '"
                    + zone.get() + "'");
        }
        return zone.map(ZoneId::of);
    }

    private static String required(JsonNode token, String field, String where) {
        JsonNode value = token.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": '" + field + "' is required");
        }
        return value.asText();
    }

    private static Optional<String> optional(JsonNode token, String field) {
        JsonNode value = token.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
    }
}
