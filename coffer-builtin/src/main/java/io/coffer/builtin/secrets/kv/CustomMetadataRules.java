package io.coffer.builtin.secrets.kv;

import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The limits on a key's {@code custom_metadata}: at most 64 keys, each key at most 128 bytes and
 * each value at most 512 bytes of UTF-8, no control characters. Violations are reported together
 * in one 400 whose text names offending keys by length only for over-long keys and never shows a
 * value.
 */
final class CustomMetadataRules {
    static final int MAX_KEYS = 64;
    static final int MAX_KEY_BYTES = 128;
    static final int MAX_VALUE_BYTES = 512;

    private CustomMetadataRules() {
    }

    static void validate(Map<String, String> custom) {
        List<String> problems = new ArrayList<>();
        if (custom.size() > MAX_KEYS) {
            problems.add("payload must contain at most " + MAX_KEYS + " keys, provided " + custom.size());
        }
        for (Map.Entry<String, String> e : custom.entrySet()) {
            String key = e.getKey();
            int keyBytes = key.getBytes(StandardCharsets.UTF_8).length;
            boolean keyShown = keyBytes <= MAX_KEY_BYTES && printable(key);
            if (keyBytes > MAX_KEY_BYTES) {
                problems.add("a key is " + keyBytes + " bytes long but max is " + MAX_KEY_BYTES);
            } else if (!printable(key)) {
                problems.add("a key contains unprintable characters");
            }
            String subject = keyShown ? "value for key \"" + key + "\"" : "a value";
            int valueBytes = e.getValue().getBytes(StandardCharsets.UTF_8).length;
            if (valueBytes > MAX_VALUE_BYTES) {
                problems.add("length of " + subject + " is " + valueBytes + " bytes but max is " + MAX_VALUE_BYTES);
            }
            if (!printable(e.getValue())) {
                problems.add(subject + " contains unprintable characters");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("custom_metadata validation failed: " + String.join("; ", problems));
        }
    }

    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
