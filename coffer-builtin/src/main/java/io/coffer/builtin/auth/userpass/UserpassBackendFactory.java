package io.coffer.builtin.auth.userpass;

import io.coffer.sdk.logical.Backend;
import io.coffer.sdk.logical.BackendConfig;
import io.coffer.sdk.logical.BackendFactory;

/**
 * Builds userpass auth methods for mounts of type {@code userpass}, with the
 * {@link UserpassSettings} the mount's {@code options} give (bcrypt cost, lockout policy).
 * Stateless and thread-safe.
 */
public final class UserpassBackendFactory implements BackendFactory {
    /** The mount type served. */
    public static final String TYPE = "userpass";

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when a userpass option cannot be parsed or is out of range
     */
    @Override
    public Backend create(BackendConfig config) {
        return new UserpassBackend(config, UserpassSettings.fromOptions(config.options()));
    }
}
