package io.coffer.builtin.secrets.kv;

import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code {mount}/data/{path}}: reads a version, writes a new version (with check-and-set),
 * merge-patches the current version into a new one, and soft-deletes the latest version. The
 * path exists, for create-versus-update authorisation, when the key's metadata exists.
 */
final class DataPaths {
    private static final int MAX_READ_ATTEMPTS = 4;
    private static final String VERSION = "version";
    private static final String DATA = "data";
    private static final String OPTIONS = "options";

    private final KvV2Context ctx;

    DataPaths(KvV2Context ctx) {
        this.ctx = ctx;
    }

    List<Path> paths() {
        return List.of(Path.builder("data/{path:.*}")
                .field(KvFields.PATH, FieldType.STRING, "Location of the secret.")
                .field(VERSION, FieldType.INT, "Version to read; 0 reads the current version.")
                .field(DATA, FieldType.MAP, "The secret's key-value pairs.")
                .field(OPTIONS, FieldType.MAP, "Write options; \"cas\" sets the check-and-set version.")
                .operation(Operation.READ, this::read)
                .write(this::write)
                .operation(Operation.PATCH, this::patch)
                .operation(Operation.DELETE, this::delete)
                .existenceCheck((request, data) -> ctx.store(request).metadata(KvFields.path(data)) != null)
                .synopsis("Writes, patches, reads and soft-deletes the versions of a secret.")
                .build());
    }

    /**
     * Reads a version. Reads take no lock, so a version can be pruned or destroyed between the
     * metadata read and the data read; the metadata is then read again (a few times at most)
     * so that a secret that exists is never answered with a 404.
     */
    private Response read(Request request, FieldData data) {
        String path = KvFields.path(data);
        long requested = data.getLong(VERSION);
        KvV2Store store = ctx.store(request);
        for (int attempt = 0; ; attempt++) {
            KeyMetadata meta = store.metadata(path);
            if (meta == null) {
                throw new NotFoundException();
            }
            long version = requested == 0 ? meta.currentVersion() : requested;
            VersionMetadata state = meta.version(version);
            if (state == null) {
                throw new NotFoundException();
            }
            Map<String, Object> versionMetadata = KvViews.versionMetadata(meta, version, state);
            if (!state.isReadable(ctx.now())) {
                return KvViews.unreadable(DATA, versionMetadata);
            }
            Map<String, Object> secret = store.versionData(path, version);
            if (secret != null) {
                return Response.of(KvViews.envelope(DATA, secret, versionMetadata));
            }
            if (attempt == MAX_READ_ATTEMPTS - 1) {
                throw new NotFoundException();
            }
        }
    }

    private Response write(Request request, FieldData data) {
        data.validate();
        String path = KvFields.writablePath(data);
        Map<String, Object> secret = requiredData(data);
        OptionalLong cas = KvFields.cas(data);
        KvV2Store store = ctx.store(request);
        return ctx.locks().locked(path, () -> {
            KeyMetadata meta = store.metadata(path);
            EngineConfig config = store.config();
            VersionWriter.checkCas(config, meta, cas);
            return versionResponse(VersionWriter.commit(store, path, meta, config, secret, ctx.now()));
        });
    }

    private Response patch(Request request, FieldData data) {
        data.validate();
        String path = KvFields.writablePath(data);
        Map<String, Object> patch = requiredData(data);
        OptionalLong cas = KvFields.cas(data);
        KvV2Store store = ctx.store(request);
        return ctx.locks().locked(path, () -> {
            KeyMetadata meta = store.metadata(path);
            if (meta == null) {
                throw new NotFoundException();
            }
            EngineConfig config = store.config();
            VersionWriter.checkCas(config, meta, cas);
            long current = meta.currentVersion();
            VersionMetadata state = meta.version(current);
            if (state == null) {
                throw new NotFoundException();
            }
            Instant now = ctx.now();
            if (!state.isReadable(now)) {
                return KvViews.unreadable(DATA, KvViews.versionMetadata(meta, current, state));
            }
            Map<String, Object> existing = store.versionData(path, current);
            if (existing == null) {
                throw new NotFoundException();
            }
            Map<String, Object> merged = MergePatch.apply(existing, patch);
            return versionResponse(VersionWriter.commit(store, path, meta, config, merged, now));
        });
    }

    private Response delete(Request request, FieldData data) {
        String path = KvFields.path(data);
        KvV2Store store = ctx.store(request);
        if (path.isEmpty()) {
            return Response.noContent();
        }
        return ctx.locks().locked(path, () -> {
            KeyMetadata meta = store.metadata(path);
            if (meta == null) {
                return Response.noContent();
            }
            VersionMetadata latest = meta.version(meta.currentVersion());
            Instant now = ctx.now();
            if (latest == null || latest.destroyed() || latest.isDeleted(now)) {
                return Response.noContent();
            }
            store.putMetadata(meta.withVersion(meta.currentVersion(), latest.deletedAt(now)));
            return Response.noContent();
        });
    }

    private static Map<String, Object> requiredData(FieldData data) {
        if (!data.has(DATA)) {
            throw new InvalidRequestException("no data provided");
        }
        return data.getMap(DATA);
    }

    private static Response versionResponse(KeyMetadata meta) {
        long version = meta.currentVersion();
        return Response.of(KvViews.versionMetadata(meta, version, meta.version(version)));
    }
}
