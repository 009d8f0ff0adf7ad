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
 * seconds>;<mac>}, the MAC being HMAC-SHA256 (base64url) of {@code <address>;<unix seconds>}
 * under the cluster's forwarding key, which only unsealed members can read from the barrier.
 *
 * <p>The active node believes the header only when the MAC verifies (in constant time) and the
 * time is within {@value #MAX_SKEW_SECONDS} s of its own; otherwise the connection's own address
 * counts, so a forged or replayed-late header gains nothing. A client's own {@value #HEADER}
 * is replaced by the standby, never passed on. Thread-safe.
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

    /** The header value vouching for {@code address}, or empty when no key is available. */
    Optional<String> vouch(String address) {
        if (!ADDRESS.matcher(address).matches()) {
            return Optional.empty();
        }
        return key.get().map(k -> {
            String claim = address + ";" + clock.instant().getEpochSecond();
            return claim + ";" + mac(k, claim);
        });
    }

    /**
     * The client address of a request that arrived from {@code connectionAddress} with
     * {@code header} (may be null): the vouched address when the header is genuine and fresh,
     * else {@code connectionAddress}.
     */
    String clientAddress(String header, String connectionAddress) {
        return verified(header).orElse(connectionAddress);
    }

    /** The address {@code header} (may be null) vouches for, when it is genuine and fresh. */
    Optional<String> verified(String header) {
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
        String expected = mac(k.get(), parts[0] + ";" + parts[1]);
        boolean genuine = ConstantTime.equals(expected.getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII));
        return genuine ? Optional.of(parts[0]) : Optional.empty();
    }

    private static String mac(byte[] key, String claim) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(claim.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
