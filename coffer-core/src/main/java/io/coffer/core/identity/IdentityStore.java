package io.coffer.core.identity;

import io.coffer.core.storage.StoredJson;
import io.coffer.sdk.logical.Storage;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Identity entities and their aliases, stored through the barrier under {@code sys/identity/}
 * (versioned JSON, see {@code docs/storage-formats/identity.md}): each login finds or creates
 * the entity behind (mount accessor, alias name), so every token of the same user carries the
 * same {@code entity_id}. Thread-safe: concurrent first logins of one user create one entity.
 */
public final class IdentityStore {
    static final String ENTITY_PREFIX = "entity/";
    static final String ALIAS_PREFIX = "alias/";
    static final String INDEX_PREFIX = "alias-index/";
    static final String GROUP_PREFIX = "group/";

    private final Storage storage;
    private final StoredJson json;
    private final Clock clock;
    private final Object[] locks = new Object[64];

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
        synchronized (locks[0]) {
            String id = UUID.randomUUID().toString();
            String finalName = name == null || name.isEmpty() ? "entity_" + id.substring(0, 8) : name;
            if (entityByName(finalName) != null) {
                throw new io.coffer.sdk.logical.exception.InvalidRequestException("entity name is already in use");
            }
            String now = clock.instant().toString();
            Entity e = new Entity(Entity.FORMAT_VERSION, id, finalName, policies, metadata, List.of(), now, now, false);
            json.write(storage, ENTITY_PREFIX + id, e);
            return e;
        }
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
        synchronized (locks[Math.floorMod(indexKey.hashCode(), locks.length)]) {
            Entity entity = entity(canonicalId);
            if (entity == null) {
                throw new io.coffer.sdk.logical.exception.InvalidRequestException("entity id is invalid");
            }
            if (json.read(storage, indexKey, AliasIndex.class) != null) {
                throw new io.coffer.sdk.logical.exception.InvalidRequestException(
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
    }

    /** Creates a group of entities and returns it. */
    public Group createGroup(String name, List<String> policies, List<String> memberEntityIds, Map<String, String> metadata) {
        synchronized (locks[1]) {
            String id = UUID.randomUUID().toString();
            String finalName = name == null || name.isEmpty() ? "group_" + id.substring(0, 8) : name;
            for (String g : groupIds()) {
                Group existing = group(g);
                if (existing != null && existing.name().equals(finalName)) {
                    throw new io.coffer.sdk.logical.exception.InvalidRequestException("group name is already in use");
                }
            }
            for (String member : memberEntityIds) {
                if (entity(member) == null) {
                    throw new io.coffer.sdk.logical.exception.InvalidRequestException("invalid member entity id");
                }
            }
            String now = clock.instant().toString();
            Group g = new Group(Group.FORMAT_VERSION, id, finalName, policies, memberEntityIds, metadata, now, now);
            json.write(storage, GROUP_PREFIX + id, g);
            return g;
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
