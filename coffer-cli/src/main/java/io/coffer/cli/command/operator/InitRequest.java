package io.coffer.cli.command.operator;

import io.coffer.cli.json.JsonStruct;
import java.util.List;

/**
 * The {@code sys/init} request of {@code operator init}, encoded with the field order of vault's
 * {@code api.InitRequest}; PGP keys are base64 already.
 *
 * @param pgpKeys share encryption keys, or null for none (sent as JSON null, as vault does)
 * @param rootTokenPgpKey the root token's encryption key, or {@code ""}
 * @param recoveryPgpKeys recovery share keys, or null
 */
record InitRequest(
        long secretShares,
        long secretThreshold,
        List<String> pgpKeys,
        String rootTokenPgpKey,
        long recoveryShares,
        long recoveryThreshold,
        List<String> recoveryPgpKeys) {

    /**
     * The request for a Shamir (non-recovery) seal: zero shares or threshold fall back to vault's
     * defaults (5 and 3) and the recovery counts become explicit zeros.
     */
    InitRequest forShamirSeal() {
        return new InitRequest(
                secretShares == 0 ? OperatorInitCommand.DEFAULT_KEY_SHARES : secretShares,
                secretThreshold == 0 ? OperatorInitCommand.DEFAULT_KEY_THRESHOLD : secretThreshold,
                pgpKeys,
                rootTokenPgpKey,
                0,
                0,
                recoveryPgpKeys);
    }

    /** The JSON body. */
    JsonStruct body() {
        return new JsonStruct()
                .put("secret_shares", secretShares)
                .put("secret_threshold", secretThreshold)
                .put("stored_shares", 0L)
                .put("pgp_keys", pgpKeys)
                .put("recovery_shares", recoveryShares)
                .put("recovery_threshold", recoveryThreshold)
                .put("recovery_pgp_keys", recoveryPgpKeys)
                .put("root_token_pgp_key", rootTokenPgpKey);
    }

    @Override
    public String toString() {
        return "InitRequest[" + secretThreshold + "/" + secretShares + ", pgp=" + (pgpKeys != null) + "]";
    }
}
