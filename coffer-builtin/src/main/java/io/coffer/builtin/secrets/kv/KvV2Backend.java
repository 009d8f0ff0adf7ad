package io.coffer.builtin.secrets.kv;

import io.coffer.builtin.concurrent.StripedLocks;
import io.coffer.sdk.framework.FrameworkBackend;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.BackendConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The versioned KV secrets engine (KV v2, mount option {@code version = "2"}): every write keeps
 * a new version with its own metadata, with check-and-set, soft delete, undelete, destroy,
 * version limits and automatic deletion, speaking Vault's {@code config}, {@code data/},
 * {@code metadata/}, {@code delete/}, {@code undelete/}, {@code destroy/} and {@code subkeys/}
 * endpoints. Any other path answers Vault's "Invalid path for a versioned K/V secrets engine" 404.
 *
 * <p>Thread-safe: read-modify-write of one secret runs under that secret's lock, so two
 * concurrent check-and-set writes of the same version cannot both succeed. Reads take no lock and
 * cost two storage gets (metadata, then the version's data). Time comes only from the
 * {@link BackendConfig#clock()}. The storage format is in {@code docs/storage-formats/kv.md}.
 */
public final class KvV2Backend extends FrameworkBackend {
    /** Lock stripes per mount: enough that unrelated secrets rarely contend. */
    private static final int LOCK_STRIPES = 256;

    public KvV2Backend(BackendConfig config) {
        super(paths(new KvV2Context(config.storage(), new KvCodec(), new StripedLocks(LOCK_STRIPES), config.clock())));
    }

    private static List<Path> paths(KvV2Context ctx) {
        List<Path> paths = new ArrayList<>();
        paths.addAll(new ConfigPaths(ctx).paths());
        paths.addAll(new DataPaths(ctx).paths());
        paths.addAll(new MetadataPaths(ctx).paths());
        paths.addAll(new VersionActionPaths(ctx).paths());
        paths.addAll(new SubkeysPaths(ctx).paths());
        paths.addAll(new InvalidPathPaths().paths());
        return paths;
    }
}
