package io.coffer.sdk.framework;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * CIDR blocks as Vault's bound-CIDR settings use them ({@code 10.0.0.0/8}, {@code ::1/128}, or
 * a bare address meaning a single host): validation and membership. Only literal IP addresses
 * are parsed; no name is ever resolved.
 */
public final class Cidrs {
    private Cidrs() {
    }

    /** Whether {@code cidr} is an IPv4 or IPv6 block (or a single address). */
    public static boolean isValid(String cidr) {
        return parse(cidr) != null;
    }

    /**
     * Whether {@code address} lies in any of {@code cidrs}; an empty list allows every address,
     * an unparsable address matches nothing.
     */
    public static boolean allows(List<String> cidrs, String address) {
        if (cidrs.isEmpty()) {
            return true;
        }
        byte[] a = literal(address);
        if (a == null) {
            return false;
        }
        for (String c : cidrs) {
            Block b = parse(c);
            if (b != null && b.contains(a)) {
                return true;
            }
        }
        return false;
    }

    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] a) {
            if (a.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }
    }

    private static Block parse(String cidr) {
        if (cidr == null) {
            return null;
        }
        String s = cidr.trim();
        int slash = s.indexOf('/');
        byte[] network = literal(slash < 0 ? s : s.substring(0, slash));
        if (network == null) {
            return null;
        }
        int max = network.length * 8;
        int prefix = max;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (!p.matches("[0-9]{1,3}")) {
                return null;
            }
            prefix = Integer.parseInt(p);
            if (prefix > max) {
                return null;
            }
        }
        return new Block(network, prefix);
    }

    /** The bytes of a literal IPv4/IPv6 address, or null (never a DNS lookup). */
    private static byte[] literal(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        String host = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        boolean v4 = host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean v6 = host.contains(":") && host.matches("[0-9A-Fa-f:.%a-zA-Z]+");
        if (!v4 && !v6) {
            return null;
        }
        if (v4) {
            for (String part : host.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        }
        try {
            return InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
