package io.coffer.core;

import io.coffer.core.barrier.AesGcmBarrier;
import io.coffer.core.barrier.BarrierKeyException;
import io.coffer.core.barrier.SecurityBarrier;
import io.coffer.core.ha.HaBackend;
import io.coffer.core.ha.Snapshot;
import io.coffer.core.physical.InmemBackend;
import io.coffer.core.seal.ShamirSeal;
import io.coffer.crypto.SecretBytes;
import io.coffer.sdk.logical.StorageEntry;
import io.coffer.sdk.logical.exception.InternalException;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Restores a Raft snapshot ({@code sys/storage/raft/snapshot[-force]}): reads and verifies it
 * completely first, refuses one whose keyring this cluster's root key cannot open unless
 * forced, then replaces every member's store in one log entry. A refused or corrupt snapshot
 * changes nothing.
 */
final class SnapshotRestore {
    private final HaBackend ha;
    private final SecurityBarrier barrier;
    private final SecureRandom random;
    private final Clock clock;

    SnapshotRestore(HaBackend ha, SecurityBarrier barrier, SecureRandom random, Clock clock) {
        this.ha = ha;
        this.barrier = barrier;
        this.random = random;
        this.clock = clock;
    }

    void restore(InputStream in, boolean force) {
        Snapshot snapshot;
        try {
            snapshot = ha.readSnapshot(in);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid snapshot: " + e.getMessage());
        }
        StorageEntry keyring = snapshot.get(AesGcmBarrier.KEYRING_PATH).orElseThrow(
                () -> new InvalidRequestException("invalid snapshot: it holds no keyring"));
        if (snapshot.get(ShamirSeal.CONFIG_PATH).isEmpty()) {
            throw new InvalidRequestException("invalid snapshot: it holds no seal configuration");
        }
        if (!force && !opensWithThisRootKey(keyring)) {
            throw new InvalidRequestException("the snapshot was made by a different cluster: its keyring does not open "
                    + "with this cluster's root key; use snapshot-force (operator raft snapshot restore -force) to replace "
                    + "this cluster's data and keys with it");
        }
        try {
            ha.restore(snapshot);
        } catch (IllegalStateException e) {
            throw new InternalException("restoring the snapshot failed: " + e.getMessage());
        }
    }

    private boolean opensWithThisRootKey(StorageEntry keyring) {
        InmemBackend scratch = new InmemBackend();
        scratch.put(keyring);
        AesGcmBarrier probe = new AesGcmBarrier(scratch, random, clock);
        try (SecretBytes rootKey = barrier.rootKeyCopy()) {
            probe.unseal(rootKey);
            return true;
        } catch (BarrierKeyException e) {
            return false;
        } finally {
            probe.seal();
        }
    }
}
