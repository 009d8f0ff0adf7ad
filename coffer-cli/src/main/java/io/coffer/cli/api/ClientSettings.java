package io.coffer.cli.api;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything needed to reach the server: address, token, TLS trust settings, namespace and
 * timeout, already resolved from flags, environment and the token file.
 *
 * @param address base address, e.g. {@code http://127.0.0.1:8200} (no trailing slash)
 * @param token the client token, or {@code ""} for none
 * @param caCert PEM file of CA certificates to trust, or null
 * @param caPath directory of PEM CA certificates to trust, or null
 * @param skipVerify when true, TLS certificates and host names are not verified
 * @param namespace the {@code X-Vault-Namespace} to send, or {@code ""}
 * @param timeout per-request timeout
 */
public record ClientSettings(
        URI address,
        String token,
        Path caCert,
        Path caPath,
        boolean skipVerify,
        String namespace,
        Duration timeout) {

    /** The address vault uses when {@code VAULT_ADDR} is not set. */
    public static final String DEFAULT_ADDRESS = "https://127.0.0.1:8200";

    /** Returns the same settings with another token. */
    public ClientSettings withToken(String newToken) {
        return new ClientSettings(address, newToken, caCert, caPath, skipVerify, namespace, timeout);
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "ClientSettings[address=" + address + ", token=" + (token.isEmpty() ? "" : "<set>")
                + ", caCert=" + caCert + ", caPath=" + caPath + ", skipVerify=" + skipVerify
                + ", namespace=" + namespace + ", timeout=" + timeout + "]";
    }
}
