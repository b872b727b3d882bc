package io.logsearch.storage.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
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
        assertEquals("0:0:0:0:0:0:0:0/0", parse("::/0").term());
        assertEquals("10.0.0.0/8", parse(" 10.0.0.0/8 ").term());
    }

    @Test
    void everyIpv6NotationGivesTheSameAddress() {
        String full = "2001:db8:0:0:0:0:0:5";
        for (String text : new String[] {"2001:db8::5", "2001:0db8:0000:0000:0000:0000:0000:0005", "2001:DB8::5",
                "2001:db8:0::0:5", "2001:db8:0:0:0:0:0:5"}) {
            assertEquals(full, parse(text).term(), text);
        }
        assertEquals("0:0:0:0:0:0:0:1", parse("::1").term());
        assertEquals("1:0:0:0:0:0:0:0", parse("1::").term());
        assertEquals("1:2:3:4:5:6:7:0", parse("1:2:3:4:5:6:7::").term());
        assertEquals("64:ff9b:0:0:0:0:102:304", parse("64:ff9b::1.2.3.4").term(), "an IPv4 tail is the last 32 bits");
        assertInstanceOf(Inet6Address.class, parse("::1.2.3.4").first(), "IPv4-compatible, not mapped, stays IPv6");
    }

    @Test
    void ipv4MappedAddressesAndNetworksAreTheIpv4OnesTheyMap() {
        IpNetwork mapped = parse("::ffff:10.0.0.0/104");
        assertInstanceOf(Inet4Address.class, mapped.first());
        assertEquals("10.0.0.0/8", mapped.term());
        assertEquals("10.255.255.255", mapped.last().getHostAddress());
        assertEquals("10.0.0.0/8", parse("::ffff:a00:0/104").term(), "hex groups map the same way");
        assertEquals("192.168.1.10", parse("::ffff:192.168.1.10").term());
        assertTrue(parse("::ffff:192.168.1.10/128").isSingleAddress());
        IpNetwork wider = parse("::ffff:0:0/95");
        assertInstanceOf(Inet6Address.class, wider.first(), "a network wider than the mapped space stays IPv6");
        assertEquals("0:0:0:0:0:fffe:0:0/95", wider.term());
        assertEquals("255.255.255.255", wider.last().getHostAddress());
    }

    @Test
    void notAddresses() {
        for (String bad : new String[] {"", "example.com", "1.2.3", "256.1.1.1", "999.1.1.1", "1.2.3.4.5", "1.2.3.4/33",
                "::/129", "1.2.3.4/-1", "1.2.3.4/ 8", "1.2.3.4/", "localhost", "01.2.3.4", "1.2.3.04", "1..3.4", "1.2.3.",
                "0x1.2.3.4", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1::2::3", ":::", "12345::", "g::1", ":1::", "1:",
                "fe80::1%eth0", "1.2.3.4::", "::1.2.3", "::256.1.1.1", "1:2:3:4:5:6:7:8::", "[::1]", "::ffff:10.0.0.0/129"}) {
            assertEquals(Optional.empty(), IpNetwork.parse(bad), bad);
        }
    }
}
