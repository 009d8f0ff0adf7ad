package io.coffer.core.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The merged, compiled permissions of one policy path: a capability bitmask with its set view and
 * the parameter constraints. Immutable; a denying instance carries only {@link Capability#DENY}.
 */
final class Permissions {

    private final int bits;
    private final Set<Capability> capabilities;
    private final ParameterConstraints constraints;

    Permissions(Set<Capability> capabilities, ParameterConstraints constraints) {
        EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
        set.addAll(capabilities);
        int b = 0;
        for (Capability c : set) {
            b |= c.bit();
        }
        this.bits = b;
        this.capabilities = Collections.unmodifiableSet(set);
        this.constraints = constraints;
    }

    boolean has(Capability c) {
        return (bits & c.bit()) != 0;
    }

    boolean denies() {
        return (bits & Capability.DENY.bit()) != 0;
    }

    /** True when this grants at least one capability and does not deny. */
    boolean grantsAny() {
        return bits != 0 && !denies();
    }

    Set<Capability> capabilities() {
        return capabilities;
    }

    ParameterConstraints constraints() {
        return constraints;
    }
}
