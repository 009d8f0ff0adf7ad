package io.coffer.core.policy;

import java.util.ArrayList;
import java.util.List;

/** Builds ACLs from policy texts for tests. */
final class TestPolicies {

    private static final PolicyParser PARSER = new PolicyParser();

    private TestPolicies() {
    }

    static Policy policy(String name, String text) {
        return PARSER.parse(name, text);
    }

    /** An ACL of the given policy texts, named p0, p1, …. */
    static Acl acl(String... texts) {
        List<Policy> policies = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            policies.add(policy("p" + i, texts[i]));
        }
        return Acl.of(policies);
    }

    /** {@code path "p" { capabilities = [c…] }}. */
    static String rule(String path, String... capabilities) {
        StringBuilder b = new StringBuilder("path \"").append(path).append("\" { capabilities = [");
        for (int i = 0; i < capabilities.length; i++) {
            b.append(i == 0 ? "" : ", ").append('"').append(capabilities[i]).append('"');
        }
        return b.append("] }\n").toString();
    }
}
