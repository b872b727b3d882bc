package io.logsearch.generator;

import java.util.SplittableRandom;

/** Random public-looking client addresses: IPv4, IPv6, and IPv4/IPv6 networks in CIDR notation. */
final class Addresses {

    /** First octets of widely used public IPv4 space (no private, loopback, multicast or reserved). */
    private static final int[] IPV4_FIRST_OCTETS = {
        3, 4, 8, 13, 18, 20, 23, 24, 31, 34, 35, 37, 40, 45, 46, 50, 52, 54, 62, 64, 66, 68, 69, 71, 73,
        76, 77, 78, 80, 81, 82, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 101, 103,
        104, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123,
        124, 125, 128, 129, 130, 131, 134, 136, 137, 138, 139, 140, 141, 142, 144, 145, 146, 147, 148,
        149, 151, 152, 153, 154, 155, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 170,
        171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189,
        190, 191, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209,
        210, 211, 212, 213, 216, 217, 218, 219, 220, 221, 222, 223,
    };
    /** First hextets of regional-registry IPv6 allocations. */
    private static final int[] IPV6_FIRST_HEXTETS = {0x2001, 0x2400, 0x2405, 0x2600, 0x2601, 0x2603, 0x2605, 0x2607,
        0x2620, 0x2800, 0x2804, 0x2a00, 0x2a01, 0x2a02, 0x2a03, 0x2a05, 0x2c0f};

    private Addresses() {
    }

    static String ipv4(SplittableRandom random) {
        int first = IPV4_FIRST_OCTETS[random.nextInt(IPV4_FIRST_OCTETS.length)];
        int second = first == 172 ? 32 + random.nextInt(224) : random.nextInt(256);
        return first + "." + second + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** A full (uncompressed, lower-case) IPv6 address; no hextet is zero, so it is also canonical. */
    static String ipv6(SplittableRandom random) {
        StringBuilder address = new StringBuilder(39)
                .append(Integer.toHexString(IPV6_FIRST_HEXTETS[random.nextInt(IPV6_FIRST_HEXTETS.length)]));
        for (int i = 1; i < 8; i++) {
            address.append(':').append(Integer.toHexString(1 + random.nextInt(0xffff)));
        }
        return address.toString();
    }

    /** An IPv4 network such as {@code 99.128.0.0/11}: prefix 8 to 24, host bits zero. */
    static String ipv4Network(SplittableRandom random) {
        int prefix = 8 + random.nextInt(17);
        int first = IPV4_FIRST_OCTETS[random.nextInt(IPV4_FIRST_OCTETS.length)];
        long address = ((long) first << 24) | random.nextInt(1 << 24);
        long network = address & (0xffffffffL << (32 - prefix)) & 0xffffffffL;
        return (network >>> 24) + "." + ((network >>> 16) & 0xff) + "." + ((network >>> 8) & 0xff) + "."
                + (network & 0xff) + "/" + prefix;
    }

    /** An IPv6 /48 network such as {@code 2a02:1810:4f2c::/48}. */
    static String ipv6Network(SplittableRandom random) {
        return Integer.toHexString(IPV6_FIRST_HEXTETS[random.nextInt(IPV6_FIRST_HEXTETS.length)]) + ":"
                + Integer.toHexString(1 + random.nextInt(0xffff)) + ":"
                + Integer.toHexString(1 + random.nextInt(0xffff)) + "::/48";
    }
}
