package io.coffer.builtin.secrets.kv;

import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.NotFoundException;

import java.util.List;
import java.util.Map;

/**
 * {@code {mount}/subkeys/{path}}: the key structure of a version without its values, down to
 * {@code depth} levels. Missing, deleted and destroyed versions answer as {@code data/{path}} does.
 */
final class SubkeysPaths {
    private static final String VERSION = "version";
    private static final String DEPTH = "depth";
    private static final String SUBKEYS = "subkeys";

    private final KvV2Context ctx;

    SubkeysPaths(KvV2Context ctx) {
        this.ctx = ctx;
    }

    List<Path> paths() {
        return List.of(Path.builder("subkeys/{path:.*}")
                .field(KvFields.PATH, FieldType.STRING, "Location of the secret.")
                .field(VERSION, FieldType.INT, "Version to read; 0 reads the current version.")
                .field(DEPTH, FieldType.INT, "Deepest nesting level returned; 0 for no limit.")
                .operation(Operation.READ, this::read)
                .synopsis("Reads the structure of a secret without its values.")
                .build());
    }

    private Response read(Request request, FieldData data) {
        data.validate();
        String path = KvFields.path(data);
        long requested = data.getLong(VERSION);
        int depth = KvFields.nonNegativeInt(data, DEPTH);
        KvV2Store store = ctx.store(request);
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
            return KvViews.unreadable(SUBKEYS, versionMetadata);
        }
        Map<String, Object> secret = store.versionData(path, version);
        if (secret == null) {
            throw new NotFoundException();
        }
        return Response.of(KvViews.envelope(SUBKEYS, Subkeys.of(secret, depth), versionMetadata));
    }
}
