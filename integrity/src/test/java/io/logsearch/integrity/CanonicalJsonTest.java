package io.logsearch.integrity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void layoutAndMemberOrderDoNotCount() {
        byte[] a = CanonicalJson.of(utf8("{\"b\": [1, {\"y\": 2.50, \"x\": \"é\"}],\n \"a\": null, \"c\": true}"));
        byte[] b = CanonicalJson.of(utf8("{\"c\":true,\"a\":null,\"b\":[1,{\"x\":\"é\",\"y\":2.50}]}"));
        assertArrayEquals(a, b);
        assertEquals("{\"a\":null,\"b\":[1,{\"x\":\"é\",\"y\":2.5}],\"c\":true}", new String(a, StandardCharsets.UTF_8));
    }

    @Test
    void valuesAndArrayOrderCount() {
        assertNotEquals(new String(CanonicalJson.of(utf8("{\"a\":[1,2]}"))), new String(CanonicalJson.of(utf8("{\"a\":[2,1]}"))));
        assertNotEquals(new String(CanonicalJson.of(utf8("{\"a\":\"x\"}"))), new String(CanonicalJson.of(utf8("{\"a\":\"X\"}"))));
    }

    @Test
    void notJsonIsRefusedClearly() {
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class, () -> CanonicalJson.of(utf8("{\"a\":")));
        assertTrue(broken.getMessage().startsWith("not a JSON document"), broken.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> CanonicalJson.of(new byte[0]));
        assertEquals("not a JSON document: it is empty", empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.of(utf8("{} {}")));
    }
}
