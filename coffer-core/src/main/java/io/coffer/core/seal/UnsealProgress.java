package io.coffer.core.seal;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The key shares collected so far in one unseal attempt, with the attempt's nonce. Shares are
 * zeroed when the attempt ends (success, failure or reset). Not thread-safe: the seal guards it.
 */
final class UnsealProgress {
    private final List<byte[]> shares = new ArrayList<>();
    private String nonce = "";

    int count() {
        return shares.size();
    }

    String nonce() {
        return nonce;
    }

    /** Adds a share; returns false when the same share was already given in this attempt. */
    boolean add(byte[] share) {
        for (byte[] existing : shares) {
            if (MessageDigest.isEqual(existing, share)) {
                return false;
            }
        }
        if (shares.isEmpty()) {
            nonce = UUID.randomUUID().toString();
        }
        shares.add(share.clone());
        return true;
    }

    List<byte[]> shares() {
        return shares;
    }

    void reset() {
        shares.forEach(s -> Arrays.fill(s, (byte) 0));
        shares.clear();
        nonce = "";
    }
}
