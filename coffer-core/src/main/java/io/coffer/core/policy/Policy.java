package io.coffer.core.policy;

import java.util.List;
import java.util.Objects;

/**
 * A parsed ACL policy: its name, its text and its path rules in written order; immutable.
 *
 * <p>{@code text} is the policy text that was parsed: when the submitted text was base64 it is the
 * decoded text (what Vault stores and returns).
 */
public record Policy(String name, String text, List<PathRule> rules) {

    public Policy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        rules = List.copyOf(rules);
    }
}
