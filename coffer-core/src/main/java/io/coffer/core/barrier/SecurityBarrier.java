package io.coffer.core.barrier;

import io.coffer.crypto.SecretBytes;
import io.coffer.sdk.logical.Storage;

/**
 * The encryption layer between everything logical and untrusted physical storage. While
 * unsealed it encrypts every value it writes and authenticates every value it reads, binding
 * each to its storage path; while sealed it refuses all access with
 * {@link io.coffer.sdk.logical.exception.SealedException}.
 */
public interface SecurityBarrier extends Storage {

    /** Whether a keyring exists in physical storage. */
    boolean isInitialized();

    /** Creates and stores a fresh keyring encrypted by {@code rootKey}; leaves the barrier sealed. */
    void initialize(SecretBytes rootKey);

    /**
     * Loads the keyring with {@code rootKey}.
     *
     * @throws BarrierKeyException when the root key does not open the keyring
     */
    void unseal(SecretBytes rootKey) throws BarrierKeyException;

    /**
     * Reads the stored keyring again with the root key already held: a standby calls it before
     * it becomes active, because the active node may have rotated or a snapshot restore may have
     * replaced the keyring meanwhile.
     *
     * @throws BarrierKeyException when the held root key does not open the stored keyring (a
     *                             snapshot of another cluster was restored)
     * @throws io.coffer.sdk.logical.exception.SealedException when sealed
     */
    void reloadKeyring() throws BarrierKeyException;

    /**
     * A copy of the root key, for proofs that need it (the Raft join challenge, checking a
     * snapshot's keyring); the caller closes it.
     *
     * @throws io.coffer.sdk.logical.exception.SealedException when sealed
     */
    SecretBytes rootKeyCopy();

    /** Forgets every key; idempotent. */
    void seal();

    boolean isSealed();

    /** Adds a new active term to the keyring and returns it; older terms stay readable. */
    Keyring.Term rotate();

    /** The active term and its install time. */
    Keyring.Term activeTerm();
}
