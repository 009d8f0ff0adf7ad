package io.coffer.core.physical;

import io.coffer.sdk.logical.Storage;

/**
 * Untrusted durable (or in-memory) storage under the barrier: it only ever sees ciphertext,
 * keyed by storage path. Every implementation passes the storage contract test.
 */
public interface PhysicalBackend extends Storage, AutoCloseable {

    /** The name reported as {@code storage_type} in {@code sys/seal-status}, e.g. {@code inmem}. */
    String type();

    /** Releases files, threads and connections. */
    @Override
    default void close() {
    }
}
