package io.logsearch.api.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IpNetworkTest {

    private static IpNetwork parse(String text) {
        return IpNetwork.parse(text).orElseThrow(() -> new AssertionError(text));
    }

    @Test
    void addressesAndNetworksWithTheirBounds() {
        IpNetwork single = parse("10.1.2.3");
        assertTrue(single.isSingleAddress());
        assertEquals("10.1.2.3", single.term());
        IpNetwork v4 = parse("99.130.5.6/11");
        assertEquals("99.128.0.0", v4.first().getHostAddress());
        assertEquals("99.159.255.255", v4.last().getHostAddress());
        assertEquals("99.128.0.0/11", v4.term());
        IpNetwork v6 = parse("2001:db8::/32");
        assertEquals("2001:db8:0:0:0:0:0:0", v6.first().getHostAddress());
        assertEquals("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", v6.last().getHostAddress());
        IpNetwork everything = parse("0.0.0.0/0");
        assertEquals("255.255.255.255", everything.last().getHostAddress());
    }

    @Test
    void notAddresses() {
        for (String bad : new String[] {"", "example.com", "1.2.3", "256.1.1.1", "1.2.3.4/33", "::/129", "1.2.3.4/-1", "1.2.3.4/ 8", "localhost"}) {
            assertEquals(Optional.empty(), IpNetwork.parse(bad), bad);
        }
    }
}
