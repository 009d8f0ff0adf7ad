package io.coffer.core.barrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.crypto.SecretBytes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encodes a {@link Keyring} as versioned JSON ({@code format_version}, {@code root_key},
 * {@code terms[]}); the result is secret and is only ever stored encrypted under the root key.
 */
final class KeyringCodec {
    private final ObjectMapper json = new ObjectMapper();

    byte[] encode(Keyring keyring) {
        ObjectNode root = json.createObjectNode();
        root.put("format_version", Keyring.FORMAT_VERSION);
        root.put("active_term", keyring.activeTerm());
        root.put("root_key", base64(keyring.rootKey()));
        ArrayNode terms = root.putArray("terms");
        for (Keyring.Term t : keyring.terms().values()) {
            ObjectNode n = terms.addObject();
            n.put("term", t.term());
            n.put("key", base64(t.key()));
            n.put("install_time", t.installTime().toString());
        }
        try {
            return json.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("keyring encoding failed", e);
        }
    }

    Keyring decode(byte[] bytes) {
        try {
            JsonNode root = json.readTree(bytes);
            int version = root.path("format_version").asInt(-1);
            if (version != Keyring.FORMAT_VERSION) {
                throw new IllegalStateException("unsupported keyring format version " + version);
            }
            Map<Integer, Keyring.Term> terms = new TreeMap<>();
            for (JsonNode n : root.path("terms")) {
                int term = n.path("term").asInt();
                terms.put(term, new Keyring.Term(term, unbase64(n.path("key").asText()),
                        Instant.parse(n.path("install_time").asText())));
            }
            return new Keyring(unbase64(root.path("root_key").asText()), terms);
        } catch (IOException e) {
            throw new IllegalStateException("keyring is unreadable");
        }
    }

    private static String base64(SecretBytes secret) {
        byte[] raw = secret.copy();
        try {
            return Base64.getEncoder().encodeToString(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static SecretBytes unbase64(String text) {
        return SecretBytes.wrap(Base64.getDecoder().decode(text.getBytes(StandardCharsets.US_ASCII)));
    }
}
