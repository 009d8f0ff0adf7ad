package io.coffer.builtin;

import io.coffer.builtin.auth.approle.AppRoleBackendFactory;
import io.coffer.builtin.auth.userpass.UserpassBackendFactory;
import io.coffer.builtin.secrets.kv.KvBackendFactory;
import io.coffer.sdk.logical.BackendFactory;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The built-in backend factories of Coffer, by mount type. An immutable object, not a global: the
 * server builds one (usually {@link #standard()}) and hands it to the mount table; tests can build
 * their own from any factories. Each type is registered at most once.
 */
public final class BuiltinRegistry {
    private final SortedMap<String, BackendFactory> factories;

    /**
     * A registry of exactly {@code factories}.
     *
     * @throws IllegalArgumentException when two factories declare the same type
     */
    public BuiltinRegistry(Collection<? extends BackendFactory> factories) {
        TreeMap<String, BackendFactory> byType = new TreeMap<>();
        for (BackendFactory factory : factories) {
            Objects.requireNonNull(factory, "factory");
            String type = Objects.requireNonNull(factory.type(), "factory type");
            if (byType.putIfAbsent(type, factory) != null) {
                throw new IllegalArgumentException("backend type registered twice: " + type);
            }
        }
        this.factories = Collections.unmodifiableSortedMap(byType);
    }

    /** A new registry holding every built-in engine: {@code kv} and the {@code userpass} and {@code approle} auth methods. */
    public static BuiltinRegistry standard() {
        return new BuiltinRegistry(List.of(new KvBackendFactory(), new UserpassBackendFactory(), new AppRoleBackendFactory()));
    }

    /** The factory of mount type {@code type}, empty when none is registered. */
    public Optional<BackendFactory> factory(String type) {
        return type == null ? Optional.empty() : Optional.ofNullable(factories.get(type));
    }

    /** The registered mount types, sorted. */
    public Set<String> types() {
        return factories.keySet();
    }
}
