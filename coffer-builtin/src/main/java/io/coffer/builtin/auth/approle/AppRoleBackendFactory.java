package io.coffer.builtin.auth.approle;

import io.coffer.sdk.logical.Backend;
import io.coffer.sdk.logical.BackendConfig;
import io.coffer.sdk.logical.BackendFactory;

/**
 * Builds {@link AppRoleBackend}s for auth mounts of type {@code approle}. Stateless and
 * thread-safe; mount options are ignored.
 */
public final class AppRoleBackendFactory implements BackendFactory {
    /** The mount type served. */
    public static final String TYPE = "approle";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Backend create(BackendConfig config) {
        return new AppRoleBackend(config);
    }
}
