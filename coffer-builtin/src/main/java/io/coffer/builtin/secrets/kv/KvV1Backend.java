package io.coffer.builtin.secrets.kv;

import io.coffer.sdk.framework.FrameworkBackend;
import io.coffer.sdk.logical.BackendConfig;

/**
 * The unversioned KV secrets engine (KV v1, mount option {@code version} absent or {@code "1"}):
 * each path holds one JSON object, replaced whole on write, stored as-is under the path itself.
 * Reads report the secret's {@code ttl} field, or the mount's default lease TTL, as
 * {@code lease_duration} without a lease id. Thread-safe: every operation is one storage call.
 */
public final class KvV1Backend extends FrameworkBackend {

    public KvV1Backend(BackendConfig config) {
        super(new SecretPaths(config.storage(), new KvCodec(), config.defaultLeaseTtl()).paths());
    }
}
