package io.coffer.core;

/**
 * The version Coffer reports in {@code sys/seal-status}, {@code sys/health} and
 * {@code version}: a Vault-like semantic version, which client scripts parse.
 */
public final class CofferVersion {
    /** The Vault API level this build speaks, as a semantic version. */
    public static final String VERSION = "1.15.6";
    /** Coffer's own release. */
    public static final String COFFER_VERSION = "0.1.0";
    /** Build date reported as {@code build_date}. */
    public static final String BUILD_DATE = "2026-11-28T00:00:00Z";

    private CofferVersion() {
    }
}
