package io.coffer.core.ha;

import java.util.Objects;

/**
 * How a joining node reaches the cluster's leader: its API address and, for TLS, the PEM
 * material of {@code sys/storage/raft/join} or a {@code retry_join} stanza ({@code ""} when not
 * given).
 */
public record LeaderTarget(String apiAddress, String caCertPem, String clientCertPem, String clientKeyPem,
                           String tlsServerName) {
    public LeaderTarget {
        Objects.requireNonNull(apiAddress, "apiAddress");
        caCertPem = caCertPem == null ? "" : caCertPem;
        clientCertPem = clientCertPem == null ? "" : clientCertPem;
        clientKeyPem = clientKeyPem == null ? "" : clientKeyPem;
        tlsServerName = tlsServerName == null ? "" : tlsServerName;
    }

    @Override
    public String toString() {
        return "LeaderTarget[" + apiAddress + "]";
    }
}
