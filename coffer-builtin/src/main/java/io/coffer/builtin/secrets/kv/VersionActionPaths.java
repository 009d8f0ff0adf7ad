package io.coffer.builtin.secrets.kv;

import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.OperationHandler;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.time.Instant;
import java.util.List;

/**
 * {@code {mount}/delete/{path}}, {@code undelete/{path}} and {@code destroy/{path}}: soft-delete,
 * restore or permanently destroy the listed versions of a secret. Versions that do not exist are
 * ignored; an absent secret is a no-op; an empty {@code versions} list is a 400.
 */
final class VersionActionPaths {
    private static final String VERSIONS = "versions";

    private final KvV2Context ctx;

    VersionActionPaths(KvV2Context ctx) {
        this.ctx = ctx;
    }

    List<Path> paths() {
        return List.of(
                path("delete", "Soft-deletes versions of a secret.", this::delete),
                path("undelete", "Restores soft-deleted versions of a secret.", this::undelete),
                path("destroy", "Permanently destroys the data of versions of a secret.", this::destroy));
    }

    private Path path(String action, String synopsis, OperationHandler handler) {
        return Path.builder(action + "/{path:.*}")
                .field(KvFields.PATH, FieldType.STRING, "Location of the secret.")
                .field(VERSIONS, FieldType.COMMA_INT_SLICE, "The version numbers to act on.")
                .write(handler)
                .synopsis(synopsis)
                .build();
    }

    private Response delete(Request request, FieldData data) {
        return apply(request, data, (store, meta, version, state, now) -> {
            if (state.destroyed() || state.isDeleted(now)) {
                return meta;
            }
            return meta.withVersion(version, state.deletedAt(now));
        });
    }

    private Response undelete(Request request, FieldData data) {
        return apply(request, data, (store, meta, version, state, now) ->
                state.destroyed() ? meta : meta.withVersion(version, state.undeleted()));
    }

    private Response destroy(Request request, FieldData data) {
        return apply(request, data, (store, meta, version, state, now) -> {
            if (state.destroyed()) {
                return meta;
            }
            store.deleteVersionData(meta.key(), version);
            return meta.withVersion(version, state.markedDestroyed());
        });
    }

    private Response apply(Request request, FieldData data, Action action) {
        data.validate();
        List<Long> versions = data.getLongList(VERSIONS);
        if (versions.isEmpty()) {
            throw new InvalidRequestException("No version number provided");
        }
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
            Instant now = ctx.now();
            KeyMetadata updated = meta;
            for (long version : versions) {
                VersionMetadata state = updated.version(version);
                if (state != null) {
                    updated = action.apply(store, updated, version, state, now);
                }
            }
            if (updated != meta) {
                store.putMetadata(updated);
            }
            return Response.noContent();
        });
    }

    /** One action on one existing version; returns the metadata to store. */
    @FunctionalInterface
    private interface Action {
        KeyMetadata apply(KvV2Store store, KeyMetadata meta, long version, VersionMetadata state, Instant now);
    }
}
