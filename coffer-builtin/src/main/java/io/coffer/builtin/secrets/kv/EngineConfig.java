package io.coffer.builtin.secrets.kv;

import java.time.Duration;
import java.util.Objects;

/**
 * The engine-wide settings of a KV v2 mount ({@code {mount}/config}). Immutable; values are
 * stored as given, so {@code maxVersions == 0} means "use the default of 10" and a zero
 * {@code deleteVersionAfter} means "never delete automatically".
 *
 * @param maxVersions        versions kept per key when the key sets none; 0 for the default
 * @param casRequired        whether every data write must carry {@code options.cas}
 * @param deleteVersionAfter how long after creation a version is soft-deleted; zero disables
 */
public record EngineConfig(int maxVersions, boolean casRequired, Duration deleteVersionAfter) {

    /** The settings of a mount whose config was never written. */
    public static final EngineConfig DEFAULT = new EngineConfig(0, false, Duration.ZERO);

    public EngineConfig {
        Objects.requireNonNull(deleteVersionAfter, "deleteVersionAfter");
        if (maxVersions < 0) {
            throw new IllegalArgumentException("maxVersions must not be negative");
        }
        if (deleteVersionAfter.isNegative()) {
            throw new IllegalArgumentException("deleteVersionAfter must not be negative");
        }
    }
}
