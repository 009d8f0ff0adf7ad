package io.coffer.core.routing;

import io.coffer.core.barrier.BarrierView;
import io.coffer.core.storage.StorageTrees;
import io.coffer.sdk.logical.Backend;
import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.exception.ConflictException;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Enables, disables and tunes mounts. Every change is written to the {@link MountTableStore}
 * before the router sees it, so the persisted tables are always the truth; on unseal the
 * router is rebuilt from them.
 */
public final class MountManager {
    private static final Set<String> RESERVED = Set.of("sys/", "auth/", "cubbyhole/", "identity/");
    /** Built-in mount types that can never be disabled (Vault's protected mounts). */
    private static final Set<String> PROTECTED_TYPES = Set.of("system", "cubbyhole", "token", "identity");

    private final Storage barrier;
    private final MountTableStore store;
    private final Router router;
    private final BackendResolver resolver;
    private final SecureRandom random;
    private final List<MountEntry> mounts = new ArrayList<>();
    private final List<MountEntry> auths = new ArrayList<>();

    public MountManager(Storage barrier, MountTableStore store, Router router, BackendResolver resolver,
                        SecureRandom random) {
        this.barrier = barrier;
        this.store = store;
        this.router = router;
        this.resolver = resolver;
        this.random = random;
    }

    /**
     * Loads both tables from storage and mounts every entry; a table never written is created
     * from {@code defaults} (the built-in mounts of a fresh cluster).
     */
    public synchronized void load(List<MountEntry> defaultMounts, List<MountEntry> defaultAuths) {
        router.clear();
        loadTable(MountEntry.TABLE_MOUNTS, mounts, defaultMounts);
        loadTable(MountEntry.TABLE_AUTH, auths, defaultAuths);
    }

    private void loadTable(String table, List<MountEntry> into, List<MountEntry> defaults) {
        List<MountEntry> stored = store.load(table);
        into.clear();
        if (stored == null) {
            stored = defaults;
            store.save(table, stored);
        } else {
            // a built-in mount added by a later version joins tables written before it existed
            List<MountEntry> present = stored;
            List<MountEntry> missing = defaults.stream()
                    .filter(d -> present.stream().noneMatch(e -> e.path().equals(d.path()))).toList();
            if (!missing.isEmpty()) {
                List<MountEntry> upgraded = new java.util.ArrayList<>(stored);
                upgraded.addAll(missing);
                stored = upgraded;
                store.save(table, stored);
            }
        }
        for (MountEntry e : stored) {
            into.add(e);
            router.mount(new Route(e, initialized(e), viewFor(e)));
        }
    }

    /**
     * Enables a new mount. Assigns its uuid and accessor.
     *
     * @throws ConflictException       when the path overlaps an existing mount
     * @throws InvalidRequestException when the path is reserved or the type unknown
     */
    public synchronized MountEntry enable(MountEntry requested) {
        String apiPath = requested.apiPath();
        if (MountEntry.TABLE_MOUNTS.equals(requested.table()) && RESERVED.stream().anyMatch(apiPath::startsWith)) {
            throw new InvalidRequestException("cannot mount under reserved path: " + requested.path());
        }
        String conflict = router.conflict(apiPath);
        if (conflict != null) {
            throw new ConflictException("path is already in use at " + conflict);
        }
        String prefix = MountEntry.TABLE_AUTH.equals(requested.table()) ? "auth_" + requested.type() : requested.type();
        MountEntry entry = new MountEntry(requested.table(), requested.path(), requested.type(), requested.description(),
                UUID.randomUUID().toString(), prefix + "_" + randomHex(4), requested.local(), requested.sealWrap(),
                requested.externalEntropyAccess(), requested.options(), requested.config(), requested.pluginVersion());
        Backend backend = initialized(entry);
        List<MountEntry> table = table(entry.table());
        List<MountEntry> next = new ArrayList<>(table);
        next.add(entry);
        store.save(entry.table(), next);
        table.add(entry);
        router.mount(new Route(entry, backend, viewFor(entry)));
        return entry;
    }

    /**
     * Disables the mount at {@code path} and deletes its data; an absent path is a no-op.
     *
     * @throws InvalidRequestException for the built-in {@code sys/}, {@code cubbyhole/} and
     *                                 {@code token/} mounts, whose views hold core's own state
     */
    public synchronized void disable(String tableName, String path) {
        List<MountEntry> table = table(tableName);
        MountEntry entry = find(table, path);
        if (entry == null) {
            return;
        }
        if (PROTECTED_TYPES.contains(entry.type())) {
            throw new InvalidRequestException(MountEntry.TABLE_AUTH.equals(tableName)
                    ? "token credential backend cannot be disabled"
                    : "cannot unmount \"" + path + "\"");
        }
        List<MountEntry> next = new ArrayList<>(table);
        next.remove(entry);
        store.save(tableName, next);
        table.remove(entry);
        Route route = router.exact(entry.apiPath());
        router.unmount(entry.apiPath());
        if (route != null) {
            route.backend().cleanup();
        }
        StorageTrees.deleteTree(viewFor(entry), "");
    }

    /** Replaces the entry at {@code path} with {@code change} applied, re-mounting its backend. */
    public synchronized MountEntry tune(String tableName, String path, UnaryOperator<MountEntry> change) {
        List<MountEntry> table = table(tableName);
        MountEntry entry = find(table, path);
        if (entry == null) {
            throw new InvalidRequestException("no mount at " + path);
        }
        MountEntry tuned = change.apply(entry);
        List<MountEntry> next = new ArrayList<>(table);
        next.set(next.indexOf(entry), tuned);
        Backend backend = initialized(tuned);
        store.save(tableName, next);
        table.set(table.indexOf(entry), tuned);
        Route old = router.exact(entry.apiPath());
        router.mount(new Route(tuned, backend, viewFor(tuned)));
        if (old != null) {
            old.backend().cleanup();
        }
        return tuned;
    }

    public synchronized List<MountEntry> entries(String tableName) {
        return List.copyOf(table(tableName));
    }

    /** The entry at {@code path} (with trailing slash) in {@code table}, or {@code null}. */
    public synchronized MountEntry entry(String tableName, String path) {
        return find(table(tableName), path);
    }

    /** Where a mount's data lives: {@code logical/<uuid>/}, {@code auth/<uuid>/}, or core's own views. */
    public Storage viewFor(MountEntry entry) {
        return switch (entry.type()) {
            case "system" -> new BarrierView(barrier, "sys/");
            case "token" -> new BarrierView(barrier, "sys/token/");
            default -> new BarrierView(barrier,
                    (MountEntry.TABLE_AUTH.equals(entry.table()) ? "auth/" : "logical/") + entry.uuid() + "/");
        };
    }

    /** Tears every backend down; the tables stay in storage. */
    public synchronized void unload() {
        for (Route r : router.routes()) {
            r.backend().cleanup();
        }
        router.clear();
        mounts.clear();
        auths.clear();
    }

    private Backend initialized(MountEntry entry) {
        Backend backend = resolver.resolve(entry, viewFor(entry));
        backend.initialize();
        return backend;
    }

    private List<MountEntry> table(String name) {
        return MountEntry.TABLE_AUTH.equals(name) ? auths : mounts;
    }

    private static MountEntry find(List<MountEntry> table, String path) {
        for (MountEntry e : table) {
            if (e.path().equals(path)) {
                return e;
            }
        }
        return null;
    }


    private String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
