package io.logsearch.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

/** A digest as JSON: the canonical bytes that are signed and hashed, and the file form that is stored. */
public final class DigestJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DigestJson() {
    }

    /** The canonical JSON of every member but {@code signature}: what the signature covers. */
    public static byte[] signedBytes(PartitionDigest digest) {
        ObjectNode node = unsigned(digest);
        return CanonicalJson.of(node);
    }

    /** The canonical JSON of the whole digest, signature included. */
    public static byte[] bytes(PartitionDigest digest) {
        ObjectNode node = unsigned(digest);
        node.put("signature", digest.signature());
        return CanonicalJson.of(node);
    }

    /** The hash (hex) the next digest of the chain names as its previous one. */
    public static String hash(PartitionDigest digest) {
        return HexFormat.of().formatHex(Sha256.of(bytes(digest)));
    }

    /** Reads {@link #bytes}; fails with {@link IllegalArgumentException} naming what is wrong. */
    public static PartitionDigest parse(byte[] json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("a digest is not JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a digest is a JSON object");
        }
        return new PartitionDigest(
                text(node, "base"),
                text(node, "partition"),
                integer(node, "version"),
                whole(node, "documentCount"),
                text(node, "merkleRoot"),
                instant(node, "earliest"),
                instant(node, "latest"),
                text(node, "previousDigestHash"),
                instant(node, "created"),
                text(node, "keyId"),
                retired(node),
                text(node, "signature"));
    }

    private static ObjectNode unsigned(PartitionDigest digest) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("base", digest.base());
        node.put("partition", digest.partition());
        node.put("version", digest.version());
        node.put("documentCount", digest.documentCount());
        node.put("merkleRoot", digest.merkleRoot());
        node.put("earliest", digest.earliest().toString());
        node.put("latest", digest.latest().toString());
        node.put("previousDigestHash", digest.previousDigestHash());
        node.put("created", digest.created().toString());
        node.put("keyId", digest.keyId());
        if (digest.retired()) {
            node.put("retired", true);
        }
        return node;
    }

    private static JsonNode member(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("a digest lacks '" + name + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = member(node, name);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("a digest's '" + name + "' is not text");
        }
        return value.textValue();
    }

    private static int integer(JsonNode node, String name) {
        JsonNode value = member(node, name);
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("a digest's '" + name + "' is not a whole number");
        }
        return value.intValue();
    }

    private static long whole(JsonNode node, String name) {
        JsonNode value = member(node, name);
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("a digest's '" + name + "' is not a whole number");
        }
        return value.longValue();
    }

    /** Only a retirement record has the member {@code retired}, so the digests before it keep their bytes. */
    private static boolean retired(JsonNode node) {
        JsonNode value = node.get("retired");
        if (value == null) {
            return false;
        }
        if (!value.isBoolean() || !value.booleanValue()) {
            throw new IllegalArgumentException("a digest's 'retired' is true when present");
        }
        return true;
    }

    private static Instant instant(JsonNode node, String name) {
        String value = text(node, name);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a digest's '" + name + "' is not an ISO-8601 instant: '" + value + "'", e);
        }
    }
}
