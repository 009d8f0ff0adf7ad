package io.coffer.server.http;

import io.coffer.crypto.ConstantTime;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The client address a standby vouches for when it forwards a request to the active node, so
 * that the active node checks CIDR bindings (and audits the remote address) against the real
 * client, not the standby. The standby adds {@value #HEADER}: {@code <address>;<unix
 * seconds>;<mac>}, the MAC being HMAC-SHA256 (base64url) of the address, the time, the method
 * and the request target (path and query) under the cluster's forwarding key, which only
 * unsealed members can read from the barrier. Addresses are plain IP literals (IPv6 without
 * brackets or zone).
 *
 * <p>The active node believes the header only on a request marked as forwarded, when the MAC
 * verifies (in constant time) for that very method and target and the time is within
 * {@value #MAX_SKEW_SECONDS} s of its own. So a captured header can at most repeat the same
 * request within that window; it can be neither refreshed (a standby never takes a client's
 * header as the client address) nor moved to another request. Thread-safe.
 */
final class ForwardedClients {
    static final String HEADER = "X-Coffer-Client-Address";
    static final long MAX_SKEW_SECONDS = 60;
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    private final Supplier<Optional<byte[]>> key;
    private final Clock clock;

    /** @param key the cluster's forwarding key, empty while this node cannot read it */
    ForwardedClients(Supplier<Optional<byte[]>> key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /**
     * The header value vouching that {@code address} sent {@code method} {@code target}, or
     * empty when no key is available or the address is not an IP literal.
     */
    Optional<String> vouch(String address, String method, String target) {
        String plain = plainAddress(address);
        if (!ADDRESS.matcher(plain).matches()) {
            return Optional.empty();
        }
        return key.get().map(k -> {
            String claim = plain + ";" + clock.instant().getEpochSecond();
            return claim + ";" + mac(k, claim, method, target);
        });
    }

    /** The address {@code header} (may be null) vouches for on {@code method} {@code target}, when genuine and fresh. */
    Optional<String> verified(String header, String method, String target) {
        if (header == null || header.length() > 200) {
            return Optional.empty();
        }
        String[] parts = header.split(";", -1);
        if (parts.length != 3 || !ADDRESS.matcher(parts[0]).matches()) {
            return Optional.empty();
        }
        long at;
        try {
            at = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (Math.abs(clock.instant().getEpochSecond() - at) > MAX_SKEW_SECONDS) {
            return Optional.empty();
        }
        Optional<byte[]> k = key.get();
        if (k.isEmpty()) {
            return Optional.empty();
        }
        String expected = mac(k.get(), parts[0] + ";" + parts[1], method, target);
        boolean genuine = ConstantTime.equals(expected.getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII));
        return genuine ? Optional.of(parts[0]) : Optional.empty();
    }

    /** {@code [::1]} and {@code fe80::1%eth0} as the plain literals {@code ::1} and {@code fe80::1}. */
    static String plainAddress(String address) {
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = a.indexOf('%');
        return zone >= 0 ? a.substring(0, zone) : a;
    }

    private static String mac(byte[] key, String claim, String method, String target) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] input = (claim + "\n" + method + "\n" + target).getBytes(StandardCharsets.UTF_8);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
