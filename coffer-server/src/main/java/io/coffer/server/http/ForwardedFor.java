package io.coffer.server.http;

import io.coffer.sdk.framework.Cidrs;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.util.ArrayList;
import java.util.List;

/**
 * A listener's {@code x_forwarded_for_*} settings and Vault's rule for them: which proxies
 * (a load balancer such as HAProxy) may tell the real client address in
 * {@code X-Forwarded-For}. Disabled (the connection's address counts) unless
 * {@code authorizedAddrs} is non-empty. When enabled, for each request:
 *
 * <ol>
 *   <li>no {@code X-Forwarded-For} → 400 if {@code rejectNotPresent}, else the connection's address;</li>
 *   <li>a connection from outside {@code authorizedAddrs} → 400 if {@code rejectNotAuthorized},
 *       else the connection's address;</li>
 *   <li>otherwise the addresses of every {@code X-Forwarded-For} header, in order, comma-split;
 *       the client is the one {@code hopSkips} before the last (400 when there are not enough).</li>
 * </ol>
 *
 * @param authorizedAddrs     CIDR blocks or addresses of the trusted proxies
 * @param hopSkips            how many of the last addresses to skip (proxies that append)
 * @param rejectNotAuthorized refuse a header from an untrusted connection (Vault's default: true)
 * @param rejectNotPresent    refuse a trusted connection without the header (Vault's default: true)
 */
public record ForwardedFor(List<String> authorizedAddrs, int hopSkips, boolean rejectNotAuthorized,
                           boolean rejectNotPresent) {
    public static final ForwardedFor DISABLED = new ForwardedFor(List.of(), 0, true, true);

    public ForwardedFor {
        authorizedAddrs = List.copyOf(authorizedAddrs);
        for (String a : authorizedAddrs) {
            if (!Cidrs.isValid(a)) {
                throw new IllegalArgumentException("not an address or CIDR block: " + a);
            }
        }
        if (hopSkips < 0) {
            throw new IllegalArgumentException("hop skips cannot be negative");
        }
    }

    public boolean enabled() {
        return !authorizedAddrs.isEmpty();
    }

    /**
     * The client address of a request from {@code connectionAddress} carrying the given
     * {@code X-Forwarded-For} header values (possibly none).
     *
     * @throws InvalidRequestException with Vault's messages when the rules above refuse it
     */
    String clientAddress(List<String> headerValues, String connectionAddress) {
        if (!enabled()) {
            return connectionAddress;
        }
        if (headerValues.isEmpty()) {
            if (!rejectNotPresent) {
                return connectionAddress;
            }
            throw new InvalidRequestException("missing x-forwarded-for header and configured to reject when not present");
        }
        if (!Cidrs.allows(authorizedAddrs, connectionAddress)) {
            if (!rejectNotAuthorized) {
                return connectionAddress;
            }
            throw new InvalidRequestException(
                    "client address not authorized for x-forwarded-for and configured to reject connection");
        }
        List<String> chain = new ArrayList<>();
        for (String header : headerValues) {
            for (String v : header.split(",", -1)) {
                chain.add(v.trim());
            }
        }
        int index = chain.size() - 1 - hopSkips;
        if (index < 0) {
            throw new InvalidRequestException("malformed x-forwarded-for configuration or request, hops to skip ("
                    + hopSkips + ") would skip before earliest chain link (chain length " + chain.size() + ")");
        }
        return chain.get(index);
    }
}
