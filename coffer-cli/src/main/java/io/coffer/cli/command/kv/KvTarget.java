package io.coffer.cli.command.kv;

/**
 * Where a {@code kv} command operates: the mount the preflight found, whether it is KV version 2,
 * and the path as the user gave it (joined to the mount for {@code -mount} syntax).
 *
 * @param mountPath the mount, e.g. {@code secret/}; empty when the preflight answered 404
 * @param v2 true for a KV version 2 mount
 * @param partialPath the secret path including the mount, e.g. {@code secret/foo}
 * @param mountFlagSyntax true when the mount came from {@code -mount}
 */
public record KvTarget(String mountPath, boolean v2, String partialPath, boolean mountFlagSyntax) {

    /**
     * Returns the API path: {@code mount/<apiPrefix>/rest} for version 2, the plain path for
     * version 1.
     */
    public String apiPath(String apiPrefix) {
        if (v2) {
            return KvPaths.addPrefix(partialPath, mountPath, apiPrefix);
        }
        return mountFlagSyntax ? KvPaths.join(mountPath, partialPath) : partialPath;
    }
}
