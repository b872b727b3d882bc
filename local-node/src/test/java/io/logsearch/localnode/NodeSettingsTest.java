package io.logsearch.localnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeSettingsTest {

    private static final Path DIR = Path.of("/srv/node");

    @Test
    void theTransportPortIsAHundredAboveOrBelowTheHttpPort() {
        assertEquals(9300, NodeSettings.of(9200, DIR).transportPort());
        assertEquals(65435, NodeSettings.of(65535, DIR).transportPort());
        assertEquals("http://127.0.0.1:9250", NodeSettings.of(9250, DIR).url());
    }

    @Test
    void portsOutsideTheRangeAreRefusedByName() {
        assertEquals("HTTP port 0 is outside 1-65535", assertThrows(IllegalArgumentException.class, () -> NodeSettings.of(0, DIR)).getMessage());
        assertEquals("HTTP port 70000 is outside 1-65535",
                assertThrows(IllegalArgumentException.class, () -> NodeSettings.of(70000, DIR)).getMessage());
        assertEquals("transport port -1 is outside 1-65535",
                assertThrows(IllegalArgumentException.class, () -> new NodeSettings(9200, -1, DIR, "512m", Map.of())).getMessage());
        assertEquals("HTTP and transport ports must differ, both are 9200",
                assertThrows(IllegalArgumentException.class, () -> new NodeSettings(9200, 9200, DIR, "512m", Map.of())).getMessage());
    }

    @Test
    void theHeapMustBeAJvmMemorySize() {
        assertEquals("1g", NodeSettings.of(9200, DIR).withHeap("1g").heap());
        assertEquals("768m", NodeSettings.of(9200, DIR).withHeap("768m").heap());
        for (String bad : new String[] {"x", "", "0", "512 m", "-1g", "1.5g"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NodeSettings.of(9200, DIR).withHeap(bad));
            assertEquals("heap '" + bad + "' is not a JVM memory size such as 512m or 1g", e.getMessage());
        }
    }
}
