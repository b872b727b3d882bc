package io.logsearch.indexer.ecs;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Client addresses as sources record them: a single IPv4 or IPv6 address, or a network in CIDR
 * notation. Parsing never resolves host names.
 */
public final class IpAddresses {

    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    /** What an address text turned out to be. */
    public sealed interface Parsed permits Single, Network {
    }

    /** One address, in its canonical text form. */
    public record Single(String ip) implements Parsed {
    }

    /** A network, as canonical CIDR text with the host bits as written. */
    public record Network(String cidr) implements Parsed {
    }

    private IpAddresses() {
    }

    public static Optional<Parsed> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            return literal(trimmed).map(Single::new);
        }
        Optional<String> address = literal(trimmed.substring(0, slash));
        String prefixText = trimmed.substring(slash + 1);
        if (address.isEmpty() || !isPrefixLength(prefixText)) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(prefixText);
        int maxPrefix = address.get().contains(":") ? 128 : 32;
        if (prefix > maxPrefix) {
            return Optional.empty();
        }
        return Optional.of(new Network(address.get() + "/" + prefix));
    }

    /** One to three decimal digits. */
    private static boolean isPrefixLength(String text) {
        if (text.isEmpty() || text.length() > 3) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Dotted-quad IPv4: four decimal parts 0-255 without leading zeros. */
    static boolean isIpv4(String text) {
        int parts = 0;
        int i = 0;
        int n = text.length();
        while (i < n && parts < 4) {
            int start = i;
            int value = 0;
            while (i < n && i - start < 3 && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
                value = value * 10 + (text.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
                return false;
            }
            parts++;
            if (parts < 4) {
                if (i >= n || text.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
        }
        return parts == 4 && i == n;
    }

    /**
     * The canonical text of an IPv4 or IPv6 literal, or empty when {@code text} is not one. IPv6 text
     * is RFC 5952's: lowercase, no leading zeros, the longest run of two or more zero groups (the
     * first of equally long runs) written {@code ::}; an IPv4-mapped address is its IPv4 address.
     */
    public static Optional<String> literal(String text) {
        if (isIpv4(text)) {
            return Optional.of(text);
        }
        if (text.indexOf(':') < 0 || !IPV6_CHARS.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            // a literal containing ':' is never looked up in DNS
            InetAddress address = InetAddress.getByName(text);
            return Optional.of(address instanceof Inet6Address ? rfc5952(address.getAddress()) : address.getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String rfc5952(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int end = i;
            while (end < 8 && groups[end] == 0) {
                end++;
            }
            if (end - i > bestLength) {
                bestStart = i;
                bestLength = end - i;
            }
            i = end == i ? i + 1 : end;
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
