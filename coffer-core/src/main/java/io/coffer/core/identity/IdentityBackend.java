package io.coffer.core.identity;

import io.coffer.core.routing.MountEntry;
import io.coffer.core.routing.MountManager;
import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldSchema;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.FrameworkBackend;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code identity/} backend (built in): entities, entity aliases and groups — create, read,
 * update and delete by id or name, and list; entity and group policies apply to the entity's
 * tokens ({@link IdentityStore#policiesOf}). Logins create entities and aliases themselves
 * through {@link IdentityStore#resolve}.
 */
public final class IdentityBackend extends FrameworkBackend {

    private static final List<FieldSchema> ENTITY_FIELDS = List.of(
            FieldSchema.of("name", FieldType.STRING, "Entity name"),
            FieldSchema.of("policies", FieldType.COMMA_STRING_SLICE, "Policies of the entity"),
            FieldSchema.of("metadata", FieldType.STRING_MAP, "Metadata"),
            FieldSchema.of("disabled", FieldType.BOOL, "Whether the entity's tokens are refused"));
    private static final List<FieldSchema> GROUP_FIELDS = List.of(
            FieldSchema.of("name", FieldType.STRING, "Group name"),
            FieldSchema.of("policies", FieldType.COMMA_STRING_SLICE, "Policies of the group"),
            FieldSchema.of("member_entity_ids", FieldType.COMMA_STRING_SLICE, "Member entities"),
            FieldSchema.of("metadata", FieldType.STRING_MAP, "Metadata"));

    public IdentityBackend(IdentityStore store, MountManager mounts) {
        super(paths(store, mounts));
    }

    private static List<Path> paths(IdentityStore store, MountManager mounts) {
        return List.of(
                Path.builder("entity")
                        .field("id", FieldType.STRING, "Entity id (updates that entity)")
                        .fields(ENTITY_FIELDS)
                        .write((req, d) -> d.getString("id").isEmpty() ? createEntity(store, d)
                                : updateEntity(store, d.getString("id"), d)).build(),
                Path.builder("entity/id/?")
                        .operation(Operation.LIST, (req, d) -> list(store.entityIds(), id -> {
                            Entity e = store.entity(id);
                            return e == null ? null : map("name", e.name());
                        })).build(),
                Path.builder("entity/id/{id}")
                        .field("id", FieldType.STRING, "Entity id")
                        .fields(ENTITY_FIELDS)
                        .operation(Operation.READ, (req, d) -> entity(store, store.entity(d.getString("id"))))
                        .write((req, d) -> updateEntity(store, d.getString("id"), d))
                        .operation(Operation.DELETE, (req, d) -> deleteEntity(store, store.entity(d.getString("id"))))
                        .build(),
                Path.builder("entity/name/{name}")
                        .fields(ENTITY_FIELDS)
                        .operation(Operation.READ, (req, d) -> entity(store, store.entityByName(d.getString("name"))))
                        .write((req, d) -> {
                            Entity e = store.entityByName(d.getString("name"));
                            return e == null ? createEntity(store, d) : updateEntity(store, e.id(), d);
                        })
                        .operation(Operation.DELETE, (req, d) -> deleteEntity(store, store.entityByName(d.getString("name"))))
                        .build(),
                Path.builder("entity-alias")
                        .field("name", FieldType.STRING, "Alias name (the user name on its mount)")
                        .field("canonical_id", FieldType.STRING, "Entity id")
                        .field("mount_accessor", FieldType.STRING, "Accessor of the auth mount")
                        .write((req, d) -> {
                            String accessor = d.getString("mount_accessor");
                            MountEntry mount = mounts.entries(MountEntry.TABLE_AUTH).stream()
                                    .filter(m -> m.accessor().equals(accessor)).findFirst()
                                    .orElseThrow(() -> new InvalidRequestException("invalid mount accessor"));
                            if (d.getString("name").isEmpty()) {
                                throw new InvalidRequestException("missing alias name");
                            }
                            EntityAlias a = store.createAlias(d.getString("name"), d.getString("canonical_id"), accessor, mount.type());
                            return Response.of(map("id", a.id(), "canonical_id", a.canonicalId()));
                        }).build(),
                Path.builder("entity-alias/id/?")
                        .operation(Operation.LIST, (req, d) -> list(store.aliasIds(), id -> {
                            EntityAlias a = store.alias(id);
                            return a == null ? null : map("name", a.name(), "canonical_id", a.canonicalId(),
                                    "mount_accessor", a.mountAccessor(), "mount_type", a.mountType());
                        })).build(),
                Path.builder("entity-alias/id/{id}")
                        .field("id", FieldType.STRING, "Alias id")
                        .operation(Operation.READ, (req, d) -> alias(store.alias(d.getString("id")))).build(),
                Path.builder("group")
                        .field("id", FieldType.STRING, "Group id (updates that group)")
                        .fields(GROUP_FIELDS)
                        .write((req, d) -> d.getString("id").isEmpty() ? createGroup(store, d)
                                : updateGroup(store, d.getString("id"), d)).build(),
                Path.builder("group/id/?")
                        .operation(Operation.LIST, (req, d) -> list(store.groupIds(), id -> {
                            Group g = store.group(id);
                            return g == null ? null : map("name", g.name());
                        })).build(),
                Path.builder("group/id/{id}")
                        .field("id", FieldType.STRING, "Group id")
                        .fields(GROUP_FIELDS)
                        .operation(Operation.READ, (req, d) -> group(store.group(d.getString("id"))))
                        .write((req, d) -> updateGroup(store, d.getString("id"), d))
                        .operation(Operation.DELETE, (req, d) -> {
                            store.deleteGroup(d.getString("id"));
                            return Response.noContent();
                        })
                        .build(),
                Path.builder("group/name/{name}")
                        .fields(GROUP_FIELDS)
                        .operation(Operation.READ, (req, d) -> group(store.groupByName(d.getString("name"))))
                        .write((req, d) -> {
                            Group g = store.groupByName(d.getString("name"));
                            return g == null ? createGroup(store, d) : updateGroup(store, g.id(), d);
                        })
                        .operation(Operation.DELETE, (req, d) -> {
                            Group g = store.groupByName(d.getString("name"));
                            if (g != null) {
                                store.deleteGroup(g.id());
                            }
                            return Response.noContent();
                        })
                        .build());
    }

    private static Response createEntity(IdentityStore store, FieldData d) {
        Entity e = store.createEntity(d.getString("name"), d.getStringList("policies"), d.getStringMap("metadata"));
        if (d.getBool("disabled")) {
            e = store.updateEntity(e.id(), null, null, null, true);
        }
        return Response.of(map("id", e.id(), "name", e.name(), "aliases", null));
    }

    /** Changes only the fields the request carries; 204, as Vault's update answers. */
    private static Response updateEntity(IdentityStore store, String id, FieldData d) {
        store.updateEntity(id, d.has("name") ? d.getString("name") : null,
                d.has("policies") ? d.getStringList("policies") : null,
                d.has("metadata") ? d.getStringMap("metadata") : null,
                d.has("disabled") ? d.getBool("disabled") : null);
        return Response.noContent();
    }

    /** Deletes the entity if there is one; 204 either way, as in Vault. */
    private static Response deleteEntity(IdentityStore store, Entity e) {
        if (e != null) {
            store.deleteEntity(e.id());
        }
        return Response.noContent();
    }

    private static Response createGroup(IdentityStore store, FieldData d) {
        Group g = store.createGroup(d.getString("name"), d.getStringList("policies"),
                d.getStringList("member_entity_ids"), d.getStringMap("metadata"));
        return Response.of(map("id", g.id(), "name", g.name()));
    }

    private static Response updateGroup(IdentityStore store, String id, FieldData d) {
        store.updateGroup(id, d.has("name") ? d.getString("name") : null,
                d.has("policies") ? d.getStringList("policies") : null,
                d.has("member_entity_ids") ? d.getStringList("member_entity_ids") : null,
                d.has("metadata") ? d.getStringMap("metadata") : null);
        return Response.noContent();
    }

    private static Response entity(IdentityStore store, Entity e) {
        if (e == null) {
            throw new NotFoundException();
        }
        List<Map<String, Object>> aliases = new ArrayList<>();
        for (String id : e.aliasIds()) {
            EntityAlias a = store.alias(id);
            if (a != null) {
                aliases.add(aliasData(a));
            }
        }
        Map<String, Object> d = map("id", e.id(), "name", e.name(), "policies", e.policies(), "metadata", e.metadata(),
                "aliases", aliases, "creation_time", e.creationTime(), "last_update_time", e.lastUpdateTime(),
                "disabled", e.disabled(), "namespace_id", "root");
        return Response.of(d);
    }

    private static Response alias(EntityAlias a) {
        if (a == null) {
            throw new NotFoundException();
        }
        return Response.of(aliasData(a));
    }

    private static Map<String, Object> aliasData(EntityAlias a) {
        return map("id", a.id(), "name", a.name(), "canonical_id", a.canonicalId(), "mount_accessor", a.mountAccessor(),
                "mount_type", a.mountType(), "metadata", a.metadata(), "creation_time", a.creationTime(),
                "last_update_time", a.lastUpdateTime());
    }

    private static Response group(Group g) {
        if (g == null) {
            throw new NotFoundException();
        }
        return Response.of(map("id", g.id(), "name", g.name(), "policies", g.policies(), "member_entity_ids",
                g.memberEntityIds(), "metadata", g.metadata(), "type", "internal", "creation_time", g.creationTime(),
                "last_update_time", g.lastUpdateTime(), "namespace_id", "root"));
    }

    private static Response list(List<String> ids, Function<String, Map<String, Object>> info) {
        Map<String, Object> keyInfo = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        for (String id : ids) {
            Map<String, Object> i = info.apply(id);
            if (i != null) {
                keys.add(id);
                keyInfo.put(id, i);
            }
        }
        if (keys.isEmpty()) {
            throw new NotFoundException();
        }
        return Response.of(map("keys", keys, "key_info", keyInfo));
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
