package io.coffer.core.policy;

import static io.coffer.core.policy.TestPolicies.acl;
import static io.coffer.core.policy.TestPolicies.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.coffer.sdk.logical.Operation;

import java.lang.management.ManagementFactory;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Acl.check sits on every request: after warm-up it must not allocate per call. */
class AclAllocationTest {

    @Test
    void check_warmedUp_allocatesAlmostNothingPerCall() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        com.sun.management.ThreadMXBean hotspot = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(hotspot.isThreadAllocatedMemorySupported());
        hotspot.setThreadAllocatedMemoryEnabled(true);

        StringBuilder text = new StringBuilder(BuiltinPolicies.DEFAULT_POLICY_TEXT);
        for (int i = 0; i < 200; i++) {
            text.append(rule("secret/data/team" + i + "/*", "read", "list"))
                    .append(rule("secret/+/team" + i + "/app", "update"))
                    .append(rule("kv/exact/" + i, "read"));
        }
        Acl acl = acl(text.toString());
        String[] paths = {"secret/data/team150/x/y", "secret/meta/team7/app", "kv/exact/99", "nothing/here",
                "auth/token/lookup-self", "cubbyhole/a/b"};
        Map<String, Object> data = Map.of("k", "v");
        int sink = 0;
        for (int i = 0; i < 200_000; i++) {
            sink += acl.check(Operation.READ, paths[i % paths.length], data).allowed() ? 1 : 0;
        }

        long before = hotspot.getCurrentThreadAllocatedBytes();
        int calls = 100_000;
        for (int i = 0; i < calls; i++) {
            sink += acl.check(Operation.READ, paths[i % paths.length], data).allowed() ? 1 : 0;
            sink += acl.check(Operation.UPDATE, paths[i % paths.length], data).sudo() ? 1 : 0;
        }
        long perCall = (hotspot.getCurrentThreadAllocatedBytes() - before) / (2L * calls);

        assertThat(sink).isPositive();
        assertThat(perCall).as("bytes allocated per check").isLessThan(16);
    }
}
