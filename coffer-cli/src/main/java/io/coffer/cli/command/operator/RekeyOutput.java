package io.coffer.cli.command.operator;

import io.coffer.cli.api.Secret;
import io.coffer.cli.json.GoJson;
import io.coffer.cli.json.JsonStruct;
import io.coffer.cli.output.Columns;
import io.coffer.cli.output.GoFormat;
import io.coffer.cli.output.OutputFormat;
import io.coffer.cli.output.TextWrap;
import io.coffer.cli.output.Ui;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code operator rekey} prints, as vault prints it: the rekey (or rekey verification)
 * status as a Key/Value table or the JSON of vault's {@code RekeyStatusResponse}; and, when a
 * rekey completes, the new shares ("Key N: ...", the operation nonce and the distribution
 * paragraph) or the JSON of {@code RekeyUpdateResponse} ({@code keys}, {@code keys_base64}, ...).
 */
final class RekeyOutput {
    private final Ui ui;
    private final OutputFormat format;

    RekeyOutput(Ui ui, OutputFormat format) {
        this.ui = ui;
        this.format = format;
    }

    /** Prints a {@code sys/rekey/init} status. */
    void status(Map<String, Object> s) {
        if (format == OutputFormat.JSON) {
            ui.output(GoJson.marshalIndent(progressJson(s)
                    .put("required", num(s, "required"))
                    .put("pgp_fingerprints", listOrNull(s, "pgp_fingerprints"))
                    .put("backup", bool(s, "backup"))
                    .put("verification_required", bool(s, "verification_required"))
                    .put("verification_nonce", str(s, "verification_nonce"))));
            return;
        }
        List<String> rows = new ArrayList<>();
        rows.add("Key | Value");
        rows.add("Nonce | " + str(s, "nonce"));
        rows.add("Started | " + bool(s, "started"));
        if (bool(s, "started")) {
            long progress = num(s, "progress");
            long required = num(s, "required");
            rows.add("Rekey Progress | " + progress + "/" + required
                    + (progress == required ? " (verification in progress)" : ""));
            rows.add("New Shares | " + num(s, "n"));
            rows.add("New Threshold | " + num(s, "t"));
            rows.add("Verification Required | " + bool(s, "verification_required"));
            if (!str(s, "verification_nonce").isEmpty()) {
                rows.add("Verification Nonce | " + str(s, "verification_nonce"));
            }
        }
        List<String> fingerprints = listOrNull(s, "pgp_fingerprints");
        if (fingerprints != null && !fingerprints.isEmpty()) {
            rows.add("PGP Fingerprints | " + GoFormat.value(fingerprints));
            rows.add("Backup | " + bool(s, "backup"));
        }
        ui.output(Columns.table(rows, "|"));
    }

    /** Prints a {@code sys/rekey/verify} status. */
    void verificationStatus(Map<String, Object> s) {
        if (format == OutputFormat.JSON) {
            ui.output(GoJson.marshalIndent(progressJson(s)));
            return;
        }
        List<String> rows = new ArrayList<>();
        rows.add("Key | Value");
        rows.add("Started | " + bool(s, "started"));
        rows.add("New Shares | " + num(s, "n"));
        rows.add("New Threshold | " + num(s, "t"));
        rows.add("Verification Nonce | " + str(s, "nonce"));
        rows.add("Verification Progress | " + num(s, "progress") + "/" + num(s, "t"));
        ui.output(Columns.table(rows, "|"));
    }

    /**
     * Prints the new shares of a completed rekey; {@code before} is the status read before the
     * last share was submitted (it holds the new share count and threshold).
     */
    void newKeys(Map<String, Object> before, Map<String, Object> resp) {
        List<String> keys = listOrNull(resp, "keys");
        List<String> keysB64 = listOrNull(resp, "keys_base64");
        List<String> fingerprints = listOrNull(resp, "pgp_fingerprints");
        if (format == OutputFormat.JSON) {
            ui.output(GoJson.marshalIndent(new JsonStruct()
                    .put("nonce", str(resp, "nonce"))
                    .put("complete", bool(resp, "complete"))
                    .put("keys", keys)
                    .put("keys_base64", keysB64)
                    .put("pgp_fingerprints", fingerprints)
                    .put("backup", bool(resp, "backup"))
                    .put("verification_required", bool(resp, "verification_required"))
                    .putOmitEmpty("verification_nonce", str(resp, "verification_nonce"))));
            return;
        }
        ui.output("");
        List<String> hex = keys == null ? List.of() : keys;
        boolean haveB64 = keysB64 != null && keysB64.size() == hex.size();
        boolean havePgp = fingerprints != null && !fingerprints.isEmpty();
        for (int i = 0; i < hex.size(); i++) {
            String value = haveB64 ? keysB64.get(i) : hex.get(i);
            if (havePgp && i < fingerprints.size()) {
                ui.output("Key " + (i + 1) + " fingerprint: " + fingerprints.get(i) + "; value: " + value);
            } else {
                ui.output("Key " + (i + 1) + ": " + value);
            }
        }
        ui.output("");
        ui.output("Operation nonce: " + str(resp, "nonce"));
        long n = num(before, "n");
        long t = num(before, "t");
        ui.output("");
        if (!bool(before, "verification_required")) {
            ui.output(TextWrap.wrap("Vault rekeyed with " + n + " key shares and a key threshold of " + t
                    + ". Please securely distribute the key shares printed above. When Vault is re-sealed,"
                    + " restarted, or stopped, you must supply at least " + t + " of these keys to unseal"
                    + " it before it can start servicing requests."));
        } else {
            ui.output(TextWrap.wrap("Vault has created a new key, split into " + n + " key shares and a key"
                    + " threshold of " + t + ". These will not be active until after verification is"
                    + " complete. Please securely distribute the key shares printed above. When Vault is"
                    + " re-sealed, restarted, or stopped, you must supply at least " + t + " of these keys"
                    + " to unseal it before it can start servicing requests."));
            ui.output("");
            ui.warn(TextWrap.wrap("Again, these key shares are _not_ valid until verification is performed."
                    + " Do not lose or discard your current key shares until after verification is complete"
                    + " or you will be unable to unseal Vault. If you cancel the rekey process or seal Vault"
                    + " before verification is complete the new shares will be discarded and the current"
                    + " shares will remain valid."));
            ui.output("");
            ui.warn(TextWrap.wrap(
                    "The current verification status, including initial nonce, is shown below."));
            ui.output("");
        }
    }

    /** The fields both statuses start with in JSON: nonce, started, t, n and progress. */
    private static JsonStruct progressJson(Map<String, Object> s) {
        return new JsonStruct()
                .put("nonce", str(s, "nonce"))
                .put("started", bool(s, "started"))
                .put("t", num(s, "t"))
                .put("n", num(s, "n"))
                .put("progress", num(s, "progress"));
    }

    private static String str(Map<String, Object> m, String k) {
        return Secret.string(m.get(k));
    }

    private static boolean bool(Map<String, Object> m, String k) {
        return Boolean.TRUE.equals(m.get(k));
    }

    private static long num(Map<String, Object> m, String k) {
        return Secret.longValue(m.get(k));
    }

    private static List<String> listOrNull(Map<String, Object> m, String k) {
        return m.get(k) instanceof List<?> l ? Secret.strings(l) : null;
    }
}
