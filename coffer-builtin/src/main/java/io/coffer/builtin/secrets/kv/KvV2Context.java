package io.coffer.builtin.secrets.kv;

import io.coffer.builtin.concurrent.StripedLocks;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Storage;

import java.time.Clock;
import java.time.Instant;

/**
 * What every KV v2 endpoint group shares within one mount: the storage view, the codec, the
 * per-key locks, the metadata cache and the clock. One instance per mounted backend.
 */
final class KvV2Context {
    private final Storage mountStorage;
    private final KvCodec codec;
    private final StripedLocks locks;
    private final Clock clock;
    private final MetadataCache metadataCache = new MetadataCache();
    private final EngineConfigCache configCache = new EngineConfigCache();

    KvV2Context(Storage mountStorage, KvCodec codec, StripedLocks locks, Clock clock) {
        this.mountStorage = mountStorage;
        this.codec = codec;
        this.locks = locks;
        this.clock = clock;
    }

    /** The store over the request's storage view, or the mount's when the request carries none. */
    KvV2Store store(Request request) {
        Storage storage = request.storage() != null ? request.storage() : mountStorage;
        return new KvV2Store(storage, codec, metadataCache, configCache);
    }

    StripedLocks locks() {
        return locks;
    }

    Instant now() {
        return clock.instant();
    }
}
