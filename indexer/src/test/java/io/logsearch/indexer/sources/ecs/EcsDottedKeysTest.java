package io.logsearch.indexer.sources.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class EcsDottedKeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void nestedDocumentIsCopiedUnchanged() {
        ObjectNode document = object("{\"a\": {\"b\": [1, {\"c\": 2}]}, \"d\": null}");
        ObjectNode expanded = DottedKeys.expand(document);
        assertEquals(document, expanded);
        assertNotSame(document.get("a"), expanded.get("a"));
    }

    @Test
    void dottedKeysAreNestedAndMergedInOrder() {
        assertEquals(object("{\"user\": {\"id\": \"1\", \"name\": \"bob\", \"geo\": {\"city\": \"x\", \"zip\": \"y\"}}}"),
                DottedKeys.expand(object("""
                        {"user.id": "1", "user": {"name": "bob", "geo.city": "x"}, "user.geo": {"zip": "y"}}
                        """)));
    }

    @Test
    void laterLeafWinsOverEarlierValue() {
        assertEquals(object("{\"a\": {\"b\": 2}}"), DottedKeys.expand(object("{\"a\": 1, \"a.b\": 2}")));
        assertEquals(object("{\"a\": 3}"), DottedKeys.expand(object("{\"a.b\": 2, \"a\": 3}")));
    }

    @Test
    void keysWithEmptySegmentsAreKeptAsWritten() {
        assertEquals(object("{\"a..b\": 1, \".c\": 2, \"d.\": 3}"),
                DottedKeys.expand(object("{\"a..b\": 1, \".c\": 2, \"d.\": 3}")));
    }

    @Test
    void dottedKeysInsideArraysAreLeftAlone() {
        ObjectNode document = object("{\"list\": [{\"x.y\": 1}]}");
        assertEquals(document, DottedKeys.expand(document));
    }

    private static ObjectNode object(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
