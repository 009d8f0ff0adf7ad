package io.coffer.core.seal;

import io.coffer.crypto.SecretBytes;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.util.List;
import java.util.UUID;

/**
 * A rekey of the Shamir seal: new shares and threshold for the same root key, authorised by
 * a threshold of current shares submitted with the attempt's nonce. The new configuration is
 * written in one atomic record only once the current shares have opened the root key.
 */
public final class Rekey {
    private final ShamirSeal seal;
    private final PgpEncryptor pgp;
    private final UnsealProgress progress = new UnsealProgress();
    private Pending pending;

    /** A rekey that has been started and awaits current shares. */
    private record Pending(String nonce, int shares, int threshold, List<String> pgpKeys) {
    }

    public Rekey(ShamirSeal seal, PgpEncryptor pgp) {
        this.seal = seal;
        this.pgp = pgp;
    }

    /** Starts a rekey to {@code shares}/{@code threshold}, optionally encrypting the new shares. */
    public synchronized RekeyStatus init(int shares, int threshold, List<String> pgpKeys) {
        if (pending != null) {
            throw new InvalidRequestException("rekey already in progress");
        }
        ShamirSeal.validate(shares, threshold);
        List<String> keys = pgpKeys == null ? List.of() : List.copyOf(pgpKeys);
        if (!keys.isEmpty() && keys.size() != shares) {
            throw new InvalidRequestException("count mismatch between number of provided PGP keys and number of shares");
        }
        for (int i = 0; i < keys.size(); i++) {
            pgp.validate(keys.get(i), i);
        }
        progress.reset();
        pending = new Pending(UUID.randomUUID().toString(), shares, threshold, keys);
        return status();
    }

    public synchronized RekeyStatus status() {
        SealConfig current = seal.config();
        int required = current == null ? 0 : current.secretThreshold();
        if (pending == null) {
            return new RekeyStatus(false, "", 0, 0, 0, required, false, null, null);
        }
        return new RekeyStatus(true, pending.nonce(), pending.shares(), pending.threshold(), progress.count(),
                required, false, null, null);
    }

    public synchronized void cancel() {
        pending = null;
        progress.reset();
    }

    /**
     * Adds one current share. At the threshold, the shares must open the root key; then the new
     * shares are issued and the rekey ends. A wrong nonce is refused without counting the share.
     */
    public synchronized RekeyStatus update(byte[] share, String nonce) {
        if (pending == null) {
            throw new InvalidRequestException("no rekey in progress");
        }
        if (nonce == null || !nonce.equals(pending.nonce())) {
            throw new InvalidRequestException("incorrect nonce");
        }
        SealConfig config = seal.config();
        ShamirSeal.checkLength(config, share, progress);
        progress.add(share);
        if (progress.count() < config.secretThreshold()) {
            return status();
        }
        Pending done = pending;
        ShamirSeal.Protection next;
        try (SecretBytes rootKey = seal.openRootKey(config, progress.shares())) {
            next = seal.protect(rootKey, done.shares(), done.threshold());
        } finally {
            progress.reset();
        }
        List<byte[]> issued = pgp.encryptShares(next.shares(), done.pgpKeys());
        seal.commit(next);
        pending = null;
        return new RekeyStatus(false, done.nonce(), done.shares(), done.threshold(), 0, done.threshold(), true,
                issued, null);
    }
}
