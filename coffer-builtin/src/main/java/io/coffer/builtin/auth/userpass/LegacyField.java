package io.coffer.builtin.auth.userpass;

/**
 * A deprecated user field Vault still accepts and, once written through its old name, still
 * shows on reads next to its {@code token_*} successor ({@code policies} mirrors
 * {@code token_policies}, and so on). Only which ones were set is remembered; the value always
 * lives in the token settings.
 */
enum LegacyField {
    POLICIES("policies", "token_policies"),
    TTL("ttl", "token_ttl"),
    MAX_TTL("max_ttl", "token_max_ttl"),
    PERIOD("period", "token_period"),
    BOUND_CIDRS("bound_cidrs", "token_bound_cidrs");

    private final String wireName;
    private final String successor;

    LegacyField(String wireName, String successor) {
        this.wireName = wireName;
        this.successor = successor;
    }

    /** The deprecated request and response field name, e.g. {@code policies}. */
    String wireName() {
        return wireName;
    }

    /** The {@code token_*} field that holds the value, e.g. {@code token_policies}. */
    String successor() {
        return successor;
    }

    /** The field stored under {@code wireName}, or {@code null}. */
    static LegacyField byWireName(String wireName) {
        for (LegacyField f : values()) {
            if (f.wireName.equals(wireName)) {
                return f;
            }
        }
        return null;
    }
}
