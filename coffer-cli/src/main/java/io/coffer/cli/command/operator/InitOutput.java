package io.coffer.cli.command.operator;

import io.coffer.cli.api.Secret;
import io.coffer.cli.json.JsonStruct;
import io.coffer.cli.output.TextWrap;
import io.coffer.cli.output.Ui;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code operator init} prints for a {@code sys/init} answer, as vault prints it: the
 * "Unseal Key N:" lines (base64 when the server sent it), the initial root token and the
 * explanatory paragraphs; or, for {@code -format=json}, vault's {@code machineInit} object with
 * the renamed fields and empty (never null) recovery arrays.
 */
final class InitOutput {
    private final InitRequest request;
    private final List<String> keysHex;
    private final List<String> keysB64;
    private final List<String> recoveryHex;
    private final List<String> recoveryB64;
    private final String rootToken;

    InitOutput(InitRequest request, Map<String, Object> response) {
        this.request = request;
        this.keysHex = strings(response.get("keys"));
        this.keysB64 = strings(response.get("keys_base64"));
        this.recoveryHex = strings(response.get("recovery_keys"));
        this.recoveryB64 = strings(response.get("recovery_keys_base64"));
        this.rootToken = Secret.string(response.get("root_token"));
    }

    /** vault's {@code machineInit}, field for field. */
    JsonStruct machineJson() {
        boolean stored = keysHex.isEmpty();
        return new JsonStruct()
                .put("unseal_keys_b64", keysB64)
                .put("unseal_keys_hex", keysHex)
                .put("unseal_shares", stored ? 1L : request.secretShares())
                .put("unseal_threshold", stored ? 1L : request.secretThreshold())
                .put("recovery_keys_b64", recoveryB64)
                .put("recovery_keys_hex", recoveryHex)
                .put("recovery_keys_shares", request.recoveryShares())
                .put("recovery_keys_threshold", request.recoveryThreshold())
                .put("root_token", rootToken);
    }

    /** Prints the human-readable form. */
    void printTable(Ui ui) {
        boolean b64 = keysB64.size() == keysHex.size();
        for (int i = 0; i < keysHex.size(); i++) {
            ui.output("Unseal Key " + (i + 1) + ": " + (b64 ? keysB64.get(i) : keysHex.get(i)));
        }
        boolean recoveryB64Ok = recoveryB64.size() == recoveryHex.size();
        for (int i = 0; i < recoveryHex.size(); i++) {
            ui.output("Recovery Key " + (i + 1) + ": "
                    + (recoveryB64Ok ? recoveryB64.get(i) : recoveryHex.get(i)));
        }
        ui.output("");
        ui.output("Initial Root Token: " + rootToken);
        long shares = request.secretShares();
        long threshold = request.secretThreshold();
        if (!keysHex.isEmpty()) {
            ui.output("");
            ui.output(TextWrap.wrap("Vault initialized with " + shares + " key shares and a key threshold of "
                    + threshold + ". Please securely distribute the key shares printed above. When the Vault"
                    + " is re-sealed, restarted, or stopped, you must supply at least " + threshold
                    + " of these keys to unseal it before it can start servicing requests."));
            ui.output("");
            ui.output(TextWrap.wrap("Vault does not store the generated root key. Without at least "
                    + threshold + " keys to reconstruct the root key, Vault will remain permanently sealed!"));
            ui.output("");
            ui.output(TextWrap.wrap("It is possible to generate new unseal keys, provided you have a quorum"
                    + " of existing unseal keys shares. See \"coffer operator rekey\" for more information."));
        } else {
            ui.output("");
            ui.output("Success! Vault is initialized");
        }
        if (!recoveryHex.isEmpty()) {
            ui.output("");
            ui.output(TextWrap.wrap("Recovery key initialized with " + request.recoveryShares()
                    + " key shares and a key threshold of " + request.recoveryThreshold()
                    + ". Please securely distribute the key shares printed above."));
            if (shares != OperatorInitCommand.DEFAULT_KEY_SHARES
                    || threshold != OperatorInitCommand.DEFAULT_KEY_THRESHOLD) {
                ui.output("");
                ui.warn(TextWrap.wrap("WARNING! -key-shares and -key-threshold is ignored when Auto Unseal"
                        + " is used. Use -recovery-shares and -recovery-threshold instead."));
            }
        }
    }

    private static List<String> strings(Object v) {
        return v instanceof List<?> l ? Secret.strings(l) : new ArrayList<>();
    }

    @Override
    public String toString() {
        return "InitOutput[" + keysHex.size() + " shares]";
    }
}
