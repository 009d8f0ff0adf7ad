package io.coffer.core.identity;

import io.coffer.core.storage.StoredJson;
import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.StorageChange;
import io.coffer.sdk.logical.StorageEntry;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Identity entities and their aliases, stored through the barrier under {@code sys/identity/}
 * (versioned JSON, see {@code docs/storage-formats/identity.md}): each login finds or creates
 * the entity behind (mount accessor, alias name), so every token of the same user carries the
 * same {@code entity_id}. Thread-safe: concurrent first logins of one user create one entity.
 *
 * <p>Entities and groups carry policies: {@link #policiesOf} gives the identity policies of an
 * entity (its own and those of every group it is a member of), which the ACL of each request
 * adds to the token's. They are cached per entity and the cache is coherent with storage on this
 * node: every change to an entity or group writes storage and clears the cache under an
 * exclusive lock that waits for loads in progress. Only the active node writes, and every
 * activation builds a new store with an empty cache.
 */
public final class IdentityStore {
    static final String ENTITY_PREFIX = "entity/";
    static final String ALIAS_PREFIX = "alias/";
    static final String INDEX_PREFIX = "alias-index/";
    static final String GROUP_PREFIX = "group/";

    private final Storage storage;
    private final StoredJson json;
    private final Clock clock;
    private static final int MAX_CACHED = 100_000;

    private final Object[] locks = new Object[64];
    /** Guards entity and group changes against cache loads (see the class comment). */
    private final ReadWriteLock policyLock = new ReentrantReadWriteLock();
    private final Map<String, EntityPolicies> policyCache = new ConcurrentHashMap<>();

    /**
     * What an entity contributes to the ACL of its tokens.
     *
     * @param disabled whether the entity is disabled (its tokens are refused)
     * @param policies its identity policies, sorted; empty for an unknown entity
     */
    public record EntityPolicies(boolean disabled, List<String> policies) {
        public static final EntityPolicies NONE = new EntityPolicies(false, List.of());

        public EntityPolicies {
            policies = List.copyOf(policies);
        }
    }

    public IdentityStore(Storage storage, StoredJson json, Clock clock) {
        this.storage = storage;
        this.json = json;
        this.clock = clock;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** The entity id for a login through {@code mountAccessor} as {@code aliasName}, created on first use. */
    public String resolve(String mountAccessor, String mountType, String aliasName, Map<String, String> aliasMetadata) {
        String indexKey = INDEX_PREFIX + mountAccessor + "/" + encode(aliasName);
        synchronized (locks[Math.floorMod(indexKey.hashCode(), locks.length)]) {
            AliasIndex index = json.read(storage, indexKey, AliasIndex.class);
            if (index != null) {
                EntityAlias alias = json.read(storage, ALIAS_PREFIX + index.aliasId(), EntityAlias.class);
                if (alias != null) {
                    return alias.canonicalId();
                }
            }
            String now = clock.instant().toString();
            String entityId = UUID.randomUUID().toString();
            String aliasId = UUID.randomUUID().toString();
            Entity entity = new Entity(Entity.FORMAT_VERSION, entityId, "entity_" + entityId.substring(0, 8), List.of(),
                    Map.of(), List.of(aliasId), now, now, false);
            EntityAlias alias = new EntityAlias(EntityAlias.FORMAT_VERSION, aliasId, aliasName, mountAccessor, mountType,
                    entityId, aliasMetadata, now, now);
            json.write(storage, ENTITY_PREFIX + entityId, entity);
            json.write(storage, ALIAS_PREFIX + aliasId, alias);
            json.write(storage, indexKey, new AliasIndex(1, aliasId));
            return entityId;
        }
    }

    /** Creates an entity (a unique name; generated when empty) and returns it. */
    public Entity createEntity(String name, List<String> policies, Map<String, String> metadata) {
        checkPolicies(policies);
        return changing(() -> {
            String id = UUID.randomUUID().toString();
            String finalName = name == null || name.isEmpty() ? "entity_" + id.substring(0, 8) : name;
            if (entityByName(finalName) != null) {
                throw new InvalidRequestException("entity name is already in use");
            }
            String now = clock.instant().toString();
            Entity e = new Entity(Entity.FORMAT_VERSION, id, finalName, policies, metadata, List.of(), now, now, false);
            json.write(storage, ENTITY_PREFIX + id, e);
            return e;
        });
    }

    /**
     * Changes an entity: each argument that is not {@code null} replaces the stored value.
     *
     * @throws NotFoundException       when there is no such entity
     * @throws InvalidRequestException when the new name belongs to another entity
     */
    public Entity updateEntity(String id, String name, List<String> policies, Map<String, String> metadata,
                               Boolean disabled) {
        checkPolicies(policies);
        return changing(() -> {
            Entity e = requireEntity(id);
            String newName = name == null || name.isEmpty() ? e.name() : name;
            if (!newName.equals(e.name()) && entityByName(newName) != null) {
                throw new InvalidRequestException("entity name is already in use");
            }
            Entity updated = new Entity(e.formatVersion(), e.id(), newName, policies == null ? e.policies() : policies,
                    metadata == null ? e.metadata() : metadata, e.aliasIds(), e.creationTime(),
                    clock.instant().toString(), disabled == null ? e.disabled() : disabled);
            json.write(storage, ENTITY_PREFIX + id, updated);
            return updated;
        });
    }

    /**
     * Deletes an entity with its aliases (and their index entries) and removes it from every
     * group, in one atomic storage batch. A login through one of its aliases afterwards creates
     * a new entity.
     *
     * @throws NotFoundException when there is no such entity
     */
    public void deleteEntity(String id) {
        changing(() -> {
            Entity e = requireEntity(id);
            List<StorageChange> changes = new ArrayList<>();
            for (String aliasId : e.aliasIds()) {
                EntityAlias a = alias(aliasId);
                if (a != null) {
                    changes.add(StorageChange.delete(INDEX_PREFIX + a.mountAccessor() + "/" + encode(a.name())));
                }
                changes.add(StorageChange.delete(ALIAS_PREFIX + aliasId));
            }
            for (String groupId : groupIds()) {
                Group g = group(groupId);
                if (g != null && g.memberEntityIds().contains(id)) {
                    List<String> members = new ArrayList<>(g.memberEntityIds());
                    members.remove(id);
                    changes.add(StorageChange.put(new StorageEntry(GROUP_PREFIX + groupId, json.encode(
                            new Group(g.formatVersion(), g.id(), g.name(), g.policies(), members, g.metadata(),
                                    g.creationTime(), clock.instant().toString())))));
                }
            }
            changes.add(StorageChange.delete(ENTITY_PREFIX + id));
            storage.applyBatch(changes);
            return null;
        });
    }

    /**
     * The identity policies of {@code entityId}: the entity's own and those of the groups it is
     * a member of, sorted and without duplicates, and whether it is disabled.
     * {@link EntityPolicies#NONE} for an empty id or an entity that does not exist (any more).
     */
    public EntityPolicies policiesOf(String entityId) {
        if (entityId == null || entityId.isEmpty()) {
            return EntityPolicies.NONE;
        }
        EntityPolicies cached = policyCache.get(entityId);
        if (cached != null) {
            return cached;
        }
        policyLock.readLock().lock();
        try {
            if (policyCache.size() >= MAX_CACHED) {
                policyCache.clear();
            }
            return policyCache.computeIfAbsent(entityId, this::loadPolicies);
        } finally {
            policyLock.readLock().unlock();
        }
    }

    private EntityPolicies loadPolicies(String entityId) {
        Entity e = entity(entityId);
        if (e == null) {
            return EntityPolicies.NONE;
        }
        if (e.disabled()) {
            return new EntityPolicies(true, List.of());
        }
        TreeSet<String> names = new TreeSet<>(e.policies());
        for (String groupId : groupIds()) {
            Group g = group(groupId);
            if (g != null && g.memberEntityIds().contains(entityId)) {
                names.addAll(g.policies());
            }
        }
        // identity never grants root, even from a record written before that was refused
        names.removeIf(IdentityStore::isRoot);
        return new EntityPolicies(false, List.copyOf(names));
    }

    private static boolean isRoot(String policy) {
        return policy.trim().equalsIgnoreCase("root");
    }

    /**
     * Checks {@code policies} (none given: {@code null}) as an entity or group may hold them.
     *
     * @throws InvalidRequestException when one of them is {@code root} (in any case or spacing):
     *                                 identity must never hand out root (Vault's HCSEC-2025-13 fix)
     */
    private static void checkPolicies(List<String> policies) {
        if (policies != null && policies.stream().anyMatch(IdentityStore::isRoot)) {
            throw new InvalidRequestException("policies cannot contain root");
        }
    }

    /** Runs a change of entities or groups exclusively, then forgets every cached policy set. */
    private <T> T changing(Supplier<T> change) {
        policyLock.writeLock().lock();
        try {
            return change.get();
        } finally {
            policyCache.clear();
            policyLock.writeLock().unlock();
        }
    }

    private Entity requireEntity(String id) {
        Entity e = entity(id);
        if (e == null) {
            throw new NotFoundException();
        }
        return e;
    }

    /** The entity named {@code name}, or {@code null}. */
    public Entity entityByName(String name) {
        for (String id : entityIds()) {
            Entity e = entity(id);
            if (e != null && e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** Creates an alias of {@code canonicalId} on a mount; the pair (mount, name) must be new. */
    public EntityAlias createAlias(String name, String canonicalId, String mountAccessor, String mountType) {
        String indexKey = INDEX_PREFIX + mountAccessor + "/" + encode(name);
        // exclusive with entity changes (it rewrites the entity) and with logins through the alias
        return changing(() -> {
            synchronized (locks[Math.floorMod(indexKey.hashCode(), locks.length)]) {
                return addAlias(indexKey, name, canonicalId, mountAccessor, mountType);
            }
        });
    }

    private EntityAlias addAlias(String indexKey, String name, String canonicalId, String mountAccessor, String mountType) {
        Entity entity = entity(canonicalId);
        if (entity == null) {
            throw new InvalidRequestException("entity id is invalid");
        }
        if (json.read(storage, indexKey, AliasIndex.class) != null) {
            throw new InvalidRequestException(
                    "alias with the given name and mount accessor already exists");
        }
        String now = clock.instant().toString();
        String aliasId = UUID.randomUUID().toString();
        EntityAlias alias = new EntityAlias(EntityAlias.FORMAT_VERSION, aliasId, name, mountAccessor, mountType,
                canonicalId, Map.of(), now, now);
        List<String> aliases = new java.util.ArrayList<>(entity.aliasIds());
        aliases.add(aliasId);
        json.write(storage, ALIAS_PREFIX + aliasId, alias);
        json.write(storage, ENTITY_PREFIX + canonicalId, new Entity(entity.formatVersion(), entity.id(), entity.name(),
                entity.policies(), entity.metadata(), aliases, entity.creationTime(), now, entity.disabled()));
        json.write(storage, indexKey, new AliasIndex(1, aliasId));
        return alias;
    }

    /** Creates a group of entities and returns it. */
    public Group createGroup(String name, List<String> policies, List<String> memberEntityIds, Map<String, String> metadata) {
        checkPolicies(policies);
        return changing(() -> {
            String id = UUID.randomUUID().toString();
            String finalName = name == null || name.isEmpty() ? "group_" + id.substring(0, 8) : name;
            if (groupByName(finalName) != null) {
                throw new InvalidRequestException("group name is already in use");
            }
            checkMembers(memberEntityIds);
            String now = clock.instant().toString();
            Group g = new Group(Group.FORMAT_VERSION, id, finalName, policies, memberEntityIds, metadata, now, now);
            json.write(storage, GROUP_PREFIX + id, g);
            return g;
        });
    }

    /**
     * Changes a group: each argument that is not {@code null} replaces the stored value.
     *
     * @throws NotFoundException       when there is no such group
     * @throws InvalidRequestException for a name in use or an unknown member
     */
    public Group updateGroup(String id, String name, List<String> policies, List<String> memberEntityIds,
                             Map<String, String> metadata) {
        checkPolicies(policies);
        return changing(() -> {
            Group g = group(id);
            if (g == null) {
                throw new NotFoundException();
            }
            String newName = name == null || name.isEmpty() ? g.name() : name;
            if (!newName.equals(g.name()) && groupByName(newName) != null) {
                throw new InvalidRequestException("group name is already in use");
            }
            if (memberEntityIds != null) {
                checkMembers(memberEntityIds);
            }
            Group updated = new Group(g.formatVersion(), g.id(), newName, policies == null ? g.policies() : policies,
                    memberEntityIds == null ? g.memberEntityIds() : memberEntityIds,
                    metadata == null ? g.metadata() : metadata, g.creationTime(), clock.instant().toString());
            json.write(storage, GROUP_PREFIX + id, updated);
            return updated;
        });
    }

    /** Deletes a group; {@code false} when there was none. */
    public boolean deleteGroup(String id) {
        return changing(() -> {
            if (group(id) == null) {
                return false;
            }
            storage.delete(GROUP_PREFIX + id);
            return true;
        });
    }

    /** The group named {@code name}, or {@code null}. */
    public Group groupByName(String name) {
        for (String id : groupIds()) {
            Group g = group(id);
            if (g != null && g.name().equals(name)) {
                return g;
            }
        }
        return null;
    }

    private void checkMembers(List<String> memberEntityIds) {
        for (String member : memberEntityIds) {
            if (entity(member) == null) {
                throw new InvalidRequestException("invalid member entity id");
            }
        }
    }

    /** The group with {@code id}, or {@code null}. */
    public Group group(String id) {
        return json.read(storage, GROUP_PREFIX + id, Group.class);
    }

    /** Every group id. */
    public List<String> groupIds() {
        return storage.list(GROUP_PREFIX);
    }

    /** The entity with {@code id}, or {@code null}. */
    public Entity entity(String id) {
        return json.read(storage, ENTITY_PREFIX + id, Entity.class);
    }

    /** The alias with {@code id}, or {@code null}. */
    public EntityAlias alias(String id) {
        return json.read(storage, ALIAS_PREFIX + id, EntityAlias.class);
    }

    /** Every entity id. */
    public List<String> entityIds() {
        return storage.list(ENTITY_PREFIX);
    }

    /** Every alias id. */
    public List<String> aliasIds() {
        return storage.list(ALIAS_PREFIX);
    }

    /** Alias names may hold any character; the index key keeps them one path segment. */
    private static String encode(String name) {
        return java.util.HexFormat.of().formatHex(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The stored pointer from (mount accessor, alias name) to the alias. */
    record AliasIndex(int formatVersion, String aliasId) {
    }
}
