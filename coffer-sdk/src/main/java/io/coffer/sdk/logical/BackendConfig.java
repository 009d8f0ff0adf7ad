package io.coffer.sdk.logical;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Everything a backend is given when it is mounted.
 *
 * @param storage         the mount's storage view, already prefixed and encrypted
 * @param mountPoint      where it is mounted, with a trailing slash
 * @param options         the mount's {@code options} (string to string; KV's {@code version})
 * @param defaultLeaseTtl the effective default TTL hint of the mount
 * @param clock           the time source; tests pass a fixed or stepped clock
 */
public record BackendConfig(Storage storage, String mountPoint, Map<String, String> options,
                            Duration defaultLeaseTtl, Clock clock) {
    public BackendConfig {
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
