package io.logsearch.indexer.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IpAddressesTest {

    @Test
    void singleAddresses() {
        assertEquals(Optional.of(new IpAddresses.Single("99.128.3.4")), IpAddresses.parse("99.128.3.4"));
        assertEquals(Optional.of(new IpAddresses.Single("0.0.0.0")), IpAddresses.parse(" 0.0.0.0 "));
        assertEquals(Optional.of(new IpAddresses.Single("2001:db8::1")), IpAddresses.parse("2001:db8::1"));
        assertEquals(Optional.of(new IpAddresses.Single("1.2.3.4")), IpAddresses.parse("::ffff:1.2.3.4"));
    }

    @Test
    void ipv6IsWrittenInRfc5952CanonicalText() {
        String[][] cases = {
            {"2001:db8:0:0:0:0:0:17", "2001:db8::17"},
            {"2001:DB8:0000:0000:0000:0000:0000:0017", "2001:db8::17"},
            {"2001:0db8::0001", "2001:db8::1"},
            {"2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"},
            {"2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"},
            {"2001:0:0:1:0:0:0:1", "2001:0:0:1::1"},
            {"2001:db8:0:0:1:0:0:0", "2001:db8:0:0:1::"},
            {"0:0:0:0:0:0:0:0", "::"},
            {"0:0:0:0:0:0:0:1", "::1"},
            {"1:0:0:0:0:0:0:0", "1::"},
            {"::1.2.3.4", "::102:304"},
        };
        for (String[] c : cases) {
            assertEquals(Optional.of(new IpAddresses.Single(c[1])), IpAddresses.parse(c[0]), c[0]);
        }
        assertEquals(Optional.of(new IpAddresses.Network("2001:db8::/48")), IpAddresses.parse("2001:0DB8:0:0::/48"));
    }

    @Test
    void networks() {
        assertEquals(Optional.of(new IpAddresses.Network("99.128.0.0/11")), IpAddresses.parse("99.128.0.0/11"));
        assertEquals(Optional.of(new IpAddresses.Network("2001:db8::/32")), IpAddresses.parse("2001:db8::/32"));
        assertEquals(Optional.of(new IpAddresses.Network("10.0.0.1/32")), IpAddresses.parse("10.0.0.1/32"));
    }

    @Test
    void anythingElseIsNotAnAddress() {
        for (String bad : new String[] {"", "unknown", "999.1.1.1", "256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1..2.3",
                "1.2.3.4/33", "2001:db8::/129", "1.2.3.4/", "1.2.3.4/x", "example.com", "fe80::1%eth0", "::g", "１.2.3.4"}) {
            assertEquals(Optional.empty(), IpAddresses.parse(bad), bad);
        }
        assertEquals(Optional.empty(), IpAddresses.parse(null));
    }
}
