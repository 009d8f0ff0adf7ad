package io.coffer.builtin.secrets.kv;

import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;

import java.time.Duration;
import java.util.List;

/**
 * {@code {mount}/config}: reads and partially updates the engine-wide KV v2 settings. The path
 * always exists (a write to it is an update).
 */
final class ConfigPaths {
    private static final String MAX_VERSIONS = "max_versions";
    private static final String CAS_REQUIRED = "cas_required";
    private static final String DELETE_VERSION_AFTER = "delete_version_after";
    private static final String LOCK_KEY = "\u0000config";

    private final KvV2Context ctx;

    ConfigPaths(KvV2Context ctx) {
        this.ctx = ctx;
    }

    List<Path> paths() {
        return List.of(Path.builder("config")
                .field(MAX_VERSIONS, FieldType.INT, "Versions kept per key; 0 keeps 10.")
                .field(CAS_REQUIRED, FieldType.BOOL, "Require check-and-set on every data write.")
                .field(DELETE_VERSION_AFTER, FieldType.DURATION, "Soft-delete versions this long after writing; 0s disables.")
                .operation(Operation.READ, this::read)
                .write(this::write)
                .existenceCheck((request, data) -> true)
                .synopsis("Configures settings for the KV store.")
                .build());
    }

    private Response read(Request request, FieldData data) {
        return Response.of(KvViews.config(ctx.store(request).config()));
    }

    private Response write(Request request, FieldData data) {
        data.validate();
        Integer maxVersions = data.has(MAX_VERSIONS) ? KvFields.nonNegativeInt(data, MAX_VERSIONS) : null;
        Boolean casRequired = data.has(CAS_REQUIRED) ? data.getBool(CAS_REQUIRED) : null;
        Duration deleteAfter = data.has(DELETE_VERSION_AFTER)
                ? KvFields.nonNegativeDuration(data, DELETE_VERSION_AFTER) : null;
        KvV2Store store = ctx.store(request);
        return ctx.locks().locked(LOCK_KEY, () -> {
            EngineConfig current = store.config();
            store.putConfig(new EngineConfig(
                    maxVersions != null ? maxVersions : current.maxVersions(),
                    casRequired != null ? casRequired : current.casRequired(),
                    deleteAfter != null ? deleteAfter : current.deleteVersionAfter()));
            return Response.noContent();
        });
    }
}
