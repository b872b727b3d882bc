package io.logsearch.api.query;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address or CIDR network from a query parameter, with its first and last
 * addresses. Host names are never resolved.
 */
public record IpNetwork(InetAddress first, InetAddress last, int prefix) {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

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
        Optional<InetAddress> address = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = address.get().getAddress();
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String prefixText = trimmed.substring(slash + 1);
            if (!prefixText.matches("\\d{1,3}") || Integer.parseInt(prefixText) > bits) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(prefixText);
        }
        BigInteger value = new BigInteger(1, bytes);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        BigInteger first = value.andNot(hostMask);
        BigInteger last = first.or(hostMask);
        return Optional.of(new IpNetwork(toAddress(first, bytes.length), toAddress(last, bytes.length), prefix));
    }

    private static Optional<InetAddress> literal(String text) {
        if (text.isEmpty() || !LITERAL.matcher(text).matches()) {
            return Optional.empty();
        }
        if (text.indexOf(':') < 0 && !text.matches("(\\d{1,3}\\.){3}\\d{1,3}")) {
            return Optional.empty();
        }
        try {
            // only literals reach this point, so no name is ever looked up
            InetAddress address = InetAddress.getByName(text);
            if (text.indexOf(':') < 0) {
                for (String part : text.split("\\.")) {
                    if (Integer.parseInt(part) > 255) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(address);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
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
