package io.coffer.builtin.secrets.kv;

import io.coffer.sdk.logical.Backend;
import io.coffer.sdk.logical.BackendConfig;
import io.coffer.sdk.logical.BackendFactory;

/**
 * Builds KV secrets engines for mounts of type {@code kv}: {@link KvV1Backend} when the mount
 * option {@code version} is absent, empty or {@code "1"}, {@link KvV2Backend} when it is
 * {@code "2"}. Stateless and thread-safe.
 */
public final class KvBackendFactory implements BackendFactory {
    /** The mount type served. */
    public static final String TYPE = "kv";
    /** The mount option that selects the engine version. */
    public static final String VERSION_OPTION = "version";

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the {@code version} option is neither {@code "1"} nor {@code "2"}
     */
    @Override
    public Backend create(BackendConfig config) {
        String version = config.options().get(VERSION_OPTION);
        if (version == null || version.isEmpty() || version.equals("1")) {
            return new KvV1Backend(config);
        }
        if (version.equals("2")) {
            return new KvV2Backend(config);
        }
        throw new IllegalArgumentException("unsupported kv version \"" + version + "\": the \"version\" option must be \"1\" or \"2\"");
    }
}
