package io.logsearch.storage.query;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address or CIDR network from a query parameter, with its first and last
 * addresses. The text is parsed here, byte by byte, so nothing is ever resolved: a host name or a
 * malformed address is simply not a network. An IPv4-mapped IPv6 network ({@code ::ffff:10.0.0.0/104})
 * is the IPv4 network it maps ({@code 10.0.0.0/8}), as Elasticsearch's {@code ip} fields store them.
 */
public record IpNetwork(InetAddress first, InetAddress last, int prefix) {

    private static final int IPV6_GROUPS = 8;
    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    public boolean isSingleAddress() {
        return first.equals(last);
    }

    /** The form Elasticsearch's {@code ip} term query takes: the address, or first-address/prefix. */
    public String term() {
        return isSingleAddress() ? first.getHostAddress() : first.getHostAddress() + "/" + prefix;
    }

    /** Parses an address or CIDR network; empty when {@code text} is neither. */
    public static Optional<IpNetwork> parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        Optional<byte[]> parsed = address(slash < 0 ? trimmed : trimmed.substring(0, slash));
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = parsed.get();
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            String prefixText = trimmed.substring(slash + 1);
            if (!prefixText.matches("\\d{1,3}") || Integer.parseInt(prefixText) > prefix) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(prefixText);
        }
        if (isIpv4Mapped(bytes) && prefix >= MAPPED_PREFIX.length * 8) {
            bytes = Arrays.copyOfRange(bytes, MAPPED_PREFIX.length, bytes.length);
            prefix -= MAPPED_PREFIX.length * 8;
        }
        int bits = bytes.length * 8;
        BigInteger value = new BigInteger(1, bytes);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        BigInteger first = value.andNot(hostMask);
        BigInteger last = first.or(hostMask);
        return Optional.of(new IpNetwork(toAddress(first, bytes.length), toAddress(last, bytes.length), prefix));
    }

    /** The 4 or 16 bytes of an IPv4 or IPv6 literal (no zone id), or empty. */
    private static Optional<byte[]> address(String text) {
        return text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
    }

    /** Four decimal octets of at most 255, without leading zeros (which some read as octal). */
    private static Optional<byte[]> ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (!part.matches("0|[1-9]\\d{0,2}") || Integer.parseInt(part) > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) Integer.parseInt(part);
        }
        return Optional.of(bytes);
    }

    /**
     * Up to eight groups of one to four hex digits, at most one {@code ::} standing for one or more
     * zero groups, and optionally an IPv4 address as the last 32 bits.
     */
    private static Optional<byte[]> ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        Optional<int[]> before = groups(head, gap < 0);
        Optional<int[]> after = groups(tail, true);
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        int given = before.get().length + after.get().length;
        if (gap < 0 ? given != IPV6_GROUPS : given >= IPV6_GROUPS) {
            return Optional.empty();
        }
        int[] all = new int[IPV6_GROUPS];
        System.arraycopy(before.get(), 0, all, 0, before.get().length);
        System.arraycopy(after.get(), 0, all, IPV6_GROUPS - after.get().length, after.get().length);
        byte[] bytes = new byte[16];
        for (int i = 0; i < IPV6_GROUPS; i++) {
            bytes[2 * i] = (byte) (all[i] >> 8);
            bytes[2 * i + 1] = (byte) all[i];
        }
        return Optional.of(bytes);
    }

    /**
     * The 16-bit groups of one side of a {@code ::}; the last part may be an IPv4 address (two
     * groups) when {@code mayEndWithIpv4}. An empty side has no groups.
     */
    private static Optional<int[]> groups(String side, boolean mayEndWithIpv4) {
        if (side.isEmpty()) {
            return Optional.of(new int[0]);
        }
        String[] parts = side.split(":", -1);
        int count = parts.length;
        Optional<byte[]> ipv4 = Optional.empty();
        if (mayEndWithIpv4 && parts[count - 1].indexOf('.') >= 0) {
            ipv4 = ipv4(parts[count - 1]);
            if (ipv4.isEmpty()) {
                return Optional.empty();
            }
            count--;
        }
        int[] groups = new int[count + (ipv4.isPresent() ? 2 : 0)];
        for (int i = 0; i < count; i++) {
            if (!parts[i].matches("[0-9A-Fa-f]{1,4}")) {
                return Optional.empty();
            }
            groups[i] = Integer.parseInt(parts[i], 16);
        }
        if (ipv4.isPresent()) {
            byte[] b = ipv4.get();
            groups[count] = (b[0] & 0xff) << 8 | (b[1] & 0xff);
            groups[count + 1] = (b[2] & 0xff) << 8 | (b[3] & 0xff);
        }
        return Optional.of(groups);
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        return bytes.length == 16 && Arrays.equals(bytes, 0, MAPPED_PREFIX.length, MAPPED_PREFIX, 0, MAPPED_PREFIX.length);
    }

    private static InetAddress toAddress(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, bytes, length - copy, copy);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + length + " bytes is always valid: " + Arrays.toString(bytes), e);
        }
    }
}
