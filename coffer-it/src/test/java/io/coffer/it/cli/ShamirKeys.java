package io.coffer.it.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The unseal shares and root token printed by {@code coffer operator init -format=json} (or the
 * new shares of a completed {@code operator rekey -format=json}). {@link #toString()} never shows
 * them, so a failing assertion cannot leak key material into test reports.
 */
public record ShamirKeys(List<String> base64, List<String> hex, String rootToken) {

    /** Reads vault's {@code operator init -format=json} object. */
    public static ShamirKeys fromInitJson(JsonNode j) {
        return new ShamirKeys(strings(j.path("unseal_keys_b64")), strings(j.path("unseal_keys_hex")),
                j.path("root_token").asText());
    }

    /** Reads vault's {@code operator rekey -format=json} answer ({@code keys_base64}, {@code keys}). */
    public static ShamirKeys fromRekeyJson(JsonNode j, String rootToken) {
        return new ShamirKeys(strings(j.path("keys_base64")), strings(j.path("keys")), rootToken);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Override
    public String toString() {
        return "ShamirKeys[" + base64.size() + " shares, token " + (rootToken.isEmpty() ? "absent" : "present") + "]";
    }
}
