package io.coffer.builtin.secrets.kv;

import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.NotFoundException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code {mount}/metadata/{path}}: reads, writes (given fields only; {@code custom_metadata}
 * replaced whole), merge-patches, deletes (every version and the metadata) and lists secrets.
 * {@code metadata/} with an empty path lists the mount's root. The path exists, for
 * create-versus-update authorisation, when the key's metadata exists.
 */
final class MetadataPaths {
    private static final String MAX_VERSIONS = "max_versions";
    private static final String CAS_REQUIRED = "cas_required";
    private static final String DELETE_VERSION_AFTER = "delete_version_after";
    private static final String CUSTOM_METADATA = "custom_metadata";

    private final KvV2Context ctx;

    MetadataPaths(KvV2Context ctx) {
        this.ctx = ctx;
    }

    List<Path> paths() {
        return List.of(Path.builder("metadata/{path:.*}")
                .field(KvFields.PATH, FieldType.STRING, "Location of the secret.")
                .field(MAX_VERSIONS, FieldType.INT, "Versions kept for this key; 0 uses the engine's.")
                .field(CAS_REQUIRED, FieldType.BOOL, "Require check-and-set on writes to this key.")
                .field(DELETE_VERSION_AFTER, FieldType.DURATION, "Soft-delete this key's versions this long after writing.")
                .field(CUSTOM_METADATA, FieldType.STRING_MAP, "User-defined string pairs (at most 64).")
                .operation(Operation.READ, this::read)
                .operation(Operation.LIST, this::list)
                .write(this::write)
                .operation(Operation.PATCH, this::patch)
                .operation(Operation.DELETE, this::delete)
                .existenceCheck((request, data) -> ctx.store(request).metadata(KvFields.path(data)) != null)
                .synopsis("Configures, reads, lists and deletes the metadata and all versions of secrets.")
                .build());
    }

    private Response read(Request request, FieldData data) {
        KeyMetadata meta = ctx.store(request).metadata(KvFields.path(data));
        if (meta == null) {
            throw new NotFoundException();
        }
        return Response.of(KvViews.keyMetadata(meta));
    }

    private Response list(Request request, FieldData data) {
        String folder = KvFields.path(data);
        if (!folder.isEmpty() && !folder.endsWith("/")) {
            folder = folder + "/";
        }
        return Response.ofKeys(ctx.store(request).listKeys(folder));
    }

    private Response write(Request request, FieldData data) {
        Settings given = settings(data);
        String path = KvFields.writablePath(data);
        KvV2Store store = ctx.store(request);
        return ctx.locks().locked(path, () -> {
            KeyMetadata meta = store.metadata(path);
            if (meta == null) {
                meta = KeyMetadata.create(path, ctx.now());
            }
            store.putMetadata(given.applyTo(meta, given.customMetadata));
            return Response.noContent();
        });
    }

    private Response patch(Request request, FieldData data) {
        Settings given = settings(data);
        String path = KvFields.writablePath(data);
        Map<?, ?> rawCustom = data.has(CUSTOM_METADATA) ? (Map<?, ?>) data.raw().get(CUSTOM_METADATA) : null;
        KvV2Store store = ctx.store(request);
        return ctx.locks().locked(path, () -> {
            KeyMetadata meta = store.metadata(path);
            if (meta == null) {
                throw new NotFoundException();
            }
            Map<String, String> custom = null;
            if (given.customMetadata != null) {
                custom = meta.customMetadata() == null ? new TreeMap<>() : new TreeMap<>(meta.customMetadata());
                for (Map.Entry<?, ?> member : rawCustom.entrySet()) {
                    if (member.getValue() == null) {
                        custom.remove(String.valueOf(member.getKey()));
                    }
                }
                custom.putAll(given.customMetadata);
                CustomMetadataRules.validate(custom);
            }
            store.putMetadata(given.applyTo(meta, custom));
            return Response.noContent();
        });
    }

    private Response delete(Request request, FieldData data) {
        String path = KvFields.path(data);
        if (path.isEmpty()) {
            return Response.noContent();
        }
        KvV2Store store = ctx.store(request);
        return ctx.locks().locked(path, () -> {
            KeyMetadata meta = store.metadata(path);
            if (meta == null) {
                return Response.noContent();
            }
            for (long version : meta.versions().keySet()) {
                store.deleteVersionData(path, version);
            }
            for (String leftover : store.storedVersionEntries(path)) {
                store.deleteVersionEntry(path, leftover);
            }
            store.deleteMetadata(path);
            return Response.noContent();
        });
    }

    /** Decodes and validates the settings given in a metadata write; absent ones are {@code null}. */
    private static Settings settings(FieldData data) {
        data.validate();
        Integer maxVersions = data.has(MAX_VERSIONS) ? KvFields.nonNegativeInt(data, MAX_VERSIONS) : null;
        Boolean casRequired = data.has(CAS_REQUIRED) ? data.getBool(CAS_REQUIRED) : null;
        Duration deleteAfter = data.has(DELETE_VERSION_AFTER)
                ? KvFields.nonNegativeDuration(data, DELETE_VERSION_AFTER) : null;
        Map<String, String> custom = data.has(CUSTOM_METADATA) ? data.getStringMap(CUSTOM_METADATA) : null;
        if (custom != null) {
            CustomMetadataRules.validate(custom);
        }
        return new Settings(maxVersions, casRequired, deleteAfter, custom);
    }

    /** The settings a request gave; {@code null} members were not given. */
    private record Settings(Integer maxVersions, Boolean casRequired, Duration deleteVersionAfter,
                            Map<String, String> customMetadata) {

        KeyMetadata applyTo(KeyMetadata meta, Map<String, String> newCustomMetadata) {
            return meta.withSettings(
                    maxVersions != null ? maxVersions : meta.maxVersions(),
                    casRequired != null ? casRequired : meta.casRequired(),
                    deleteVersionAfter != null ? deleteVersionAfter : meta.deleteVersionAfter(),
                    newCustomMetadata != null ? newCustomMetadata : meta.customMetadata());
        }
    }
}
