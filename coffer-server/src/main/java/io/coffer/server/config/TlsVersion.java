package io.coffer.server.config;

import java.util.Locale;
import java.util.Optional;

/** A TLS protocol version as Vault's {@code tls_min_version} names it ({@code tls10} … {@code tls13}). */
public enum TlsVersion {
    TLS10("TLSv1"), TLS11("TLSv1.1"), TLS12("TLSv1.2"), TLS13("TLSv1.3");

    private final String protocol;

    TlsVersion(String protocol) {
        this.protocol = protocol;
    }

    /** The JSSE protocol name, e.g. {@code TLSv1.2}. */
    public String protocol() {
        return protocol;
    }

    /** The configuration name, e.g. {@code tls12}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The version named {@code name} ({@code tls10} … {@code tls13}), if any. */
    public static Optional<TlsVersion> fromConfigName(String name) {
        for (TlsVersion v : values()) {
            if (v.configName().equals(name)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
