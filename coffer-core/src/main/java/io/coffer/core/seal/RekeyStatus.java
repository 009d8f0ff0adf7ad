package io.coffer.core.seal;

import java.util.List;

/**
 * What {@code sys/rekey/init} and {@code sys/rekey/update} report: the pending rekey, or its
 * result once complete.
 *
 * @param started  whether a rekey is in progress
 * @param nonce    the rekey attempt's id, empty when none
 * @param shares   the new share count
 * @param threshold the new threshold
 * @param progress current shares received
 * @param required current threshold needed to authorise
 * @param complete whether this answer completes the rekey
 * @param keys     the new shares (PGP-encrypted when keys were given); empty until complete
 */
public record RekeyStatus(boolean started, String nonce, int shares, int threshold, int progress, int required,
                          boolean complete, List<byte[]> keys, List<String> pgpFingerprints) {
    public RekeyStatus {
        keys = keys == null ? List.of() : List.copyOf(keys);
        pgpFingerprints = pgpFingerprints == null ? List.of() : List.copyOf(pgpFingerprints);
    }

    @Override
    public String toString() {
        return "RekeyStatus[started=" + started + ", " + threshold + "/" + shares + ", progress=" + progress + "]";
    }
}
