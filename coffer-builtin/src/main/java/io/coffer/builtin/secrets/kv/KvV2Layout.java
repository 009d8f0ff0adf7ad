package io.coffer.builtin.secrets.kv;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The storage keys of a KV v2 mount, relative to the mount's storage view; documented in
 * {@code docs/storage-formats/kv.md}.
 *
 * <ul>
 *   <li>{@code config} — the {@link EngineConfig}</li>
 *   <li>{@code metadata/<path>} — the {@link KeyMetadata} of the secret at {@code <path>}; listing
 *       {@code metadata/<folder>/} lists secrets and sub-folders</li>
 *   <li>{@code versions/<b64>/<n>} — the data of version {@code n}, where {@code <b64>} is the
 *       unpadded base64url encoding of the UTF-8 path, so all versions of one secret sit in one
 *       folder whatever the path contains</li>
 * </ul>
 */
public final class KvV2Layout {
    /** The key of the engine configuration. */
    public static final String CONFIG = "config";
    /** The prefix of every key-metadata entry. */
    public static final String METADATA_PREFIX = "metadata/";
    /** The prefix of every version-data entry. */
    public static final String VERSIONS_PREFIX = "versions/";

    private KvV2Layout() {
    }

    /** The storage key of the metadata of secret {@code path}. */
    public static String metadataKey(String path) {
        return METADATA_PREFIX + path;
    }

    private static final Base64.Encoder PATH_ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** The folder, ending in {@code /}, that holds every version of secret {@code path}. */
    public static String versionsFolder(String path) {
        return VERSIONS_PREFIX + encodePath(path) + "/";
    }

    /** The storage key of version {@code version} of secret {@code path}. */
    public static String versionKey(String path, long version) {
        return versionsFolder(path) + version;
    }

    /** The single-segment encoding of a secret path used under {@code versions/}. */
    public static String encodePath(String path) {
        return PATH_ENCODER.encodeToString(path.getBytes(StandardCharsets.UTF_8));
    }

    /** The secret path encoded by {@link #encodePath(String)}. */
    public static String decodePath(String segment) {
        return new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
    }
}
