package io.coffer.cli.command.kv;

import io.coffer.cli.api.ApiPaths;

/**
 * Path arithmetic of the {@code kv} commands, as the vault CLI does it: Go's {@code path.Join}
 * and {@code path.Clean}, and the rewrite of {@code secret/foo} to {@code secret/data/foo} (or
 * {@code metadata/}, {@code delete/}, ...) for KV version 2 mounts.
 */
public final class KvPaths {
    private KvPaths() {}

    /**
     * Inserts {@code apiPrefix} after the mount: {@code ("secret/foo", "secret/", "data")} gives
     * {@code secret/data/foo}; the mount itself gives {@code secret/data}.
     */
    public static String addPrefix(String path, String mountPath, String apiPrefix) {
        if (path.equals(mountPath) || path.equals(trimSuffix(mountPath, "/"))) {
            return join(mountPath, apiPrefix);
        }
        String suffix = trimPrefix(path, mountPath);
        String mount = mountPath;
        while (suffix.equals(path)) {
            // The mount path (e.g. with a namespace prefix) is not a prefix of the path: drop its
            // leading segments until what is left matches.
            int slash = mount.indexOf('/');
            if (slash < 0 || slash == mount.length() - 1) {
                break;
            }
            mount = trimSuffix(mount.substring(slash + 1), "/");
            suffix = trimPrefix(suffix, mount);
        }
        return join(mount, apiPrefix, suffix);
    }

    /** Go's {@code path.Join}: joins the non-empty elements with slashes and cleans the result. */
    public static String join(String... elems) {
        return ApiPaths.join(elems);
    }

    /** Go's {@code path.Clean}: removes duplicate slashes, {@code .} and {@code ..} elements. */
    public static String clean(String path) {
        return ApiPaths.clean(path);
    }

    private static String trimSuffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    private static String trimPrefix(String s, String prefix) {
        return !prefix.isEmpty() && s.startsWith(prefix) ? s.substring(prefix.length()) : s;
    }
}
