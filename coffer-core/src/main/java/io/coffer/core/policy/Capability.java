package io.coffer.core.policy;

import io.coffer.sdk.logical.Operation;

/**
 * A policy capability, as written in Vault policies and reported by {@code sys/capabilities-self}.
 *
 * <p>Each constant has exactly one wire name (its lower-case Vault spelling) and one bit in a
 * capability bitmask. {@link #DENY} overrides every other capability of the rule that carries it;
 * {@link #SUDO} grants access to root-protected paths on top of the operation capabilities.
 */
public enum Capability {
    DENY("deny"),
    CREATE("create"),
    READ("read"),
    UPDATE("update"),
    PATCH("patch"),
    DELETE("delete"),
    LIST("list"),
    SUDO("sudo");

    private final String wireName;

    Capability(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in policy text and API responses, for example {@code "read"}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The capability spelled {@code name} (case-sensitive, as Vault).
     *
     * @throws IllegalArgumentException if {@code name} is not a capability
     */
    public static Capability fromWire(String name) {
        if (name != null) {
            for (Capability c : values()) {
                if (c.wireName.equals(name)) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("unknown capability");
    }

    /**
     * The capability that authorises {@code op}: CREATE→create, READ→read, UPDATE→update,
     * PATCH→patch, DELETE→delete, LIST→list; {@code null} for an operation no capability grants.
     */
    public static Capability forOperation(Operation op) {
        if (op == null) {
            return null;
        }
        switch (op) {
            case CREATE:
                return CREATE;
            case READ:
                return READ;
            case UPDATE:
                return UPDATE;
            case PATCH:
                return PATCH;
            case DELETE:
                return DELETE;
            case LIST:
                return LIST;
            default:
                return null;
        }
    }

    /** This capability's bit in a capability bitmask. */
    int bit() {
        return 1 << ordinal();
    }
}
