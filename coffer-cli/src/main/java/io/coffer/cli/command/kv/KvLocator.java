package io.coffer.cli.command.kv;

import io.coffer.cli.api.ApiResponse;
import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.ResponseFormatException;
import io.coffer.cli.api.Secret;
import io.coffer.cli.api.VaultClient;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.PathArgs;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.json.JsonException;
import io.coffer.cli.json.JsonReader;
import java.util.Map;

/**
 * Finds the KV mount behind a path with vault's preflight, {@code GET
 * sys/internal/ui/mounts/<path>}: 404 means version 1 (older servers), {@code options.version}
 * {@code "2"} means version 2, anything else version 1; other errors are reported as they are.
 */
public final class KvLocator {
    private final VaultClient client;
    private final JsonReader json;

    /** Creates a locator using the given client. */
    public KvLocator(VaultClient client, JsonReader json) {
        this.client = client;
        this.json = json;
    }

    /** The {@code -mount} flag shared by the kv commands. */
    public static FlagSpec mountFlag() {
        return FlagSpec.of(
                StandardFlags.COMMON,
                "mount",
                FlagType.STRING,
                null,
                "Specifies the path where the KV backend is mounted. If specified, the next argument"
                        + " will be interpreted as the secret path. If this flag is not specified, the next"
                        + " argument will be interpreted as the combined mount path and secret path, with"
                        + " /data/ automatically appended between KV v2 secrets.");
    }

    /**
     * Resolves the target of a command.
     *
     * @param mountFlag the {@code -mount} value, or empty
     * @param arg the path argument
     */
    public KvTarget locate(String mountFlag, String arg) throws ClientException {
        String partial = sanitize(arg);
        if (!mountFlag.isEmpty()) {
            String mount = sanitize(mountFlag);
            Preflight p = preflight(mount);
            String mountPath = p.mountPath.isEmpty() ? mount + "/" : p.mountPath;
            if (p.v2) {
                partial = KvPaths.join(mountPath, partial);
            }
            return new KvTarget(mountPath, p.v2, partial, true);
        }
        Preflight p = preflight(partial);
        return new KvTarget(p.mountPath, p.v2, partial, false);
    }

    private record Preflight(String mountPath, boolean v2) {}

    private Preflight preflight(String path) throws ClientException {
        ApiResponse r = client.send("GET", "sys/internal/ui/mounts/" + path, null, null, null);
        if (r.status() == 404) {
            return new Preflight("", false);
        }
        if (!r.ok()) {
            throw client.error(r, null);
        }
        if (r.emptyBody()) {
            throw new ResponseFormatException("nil response from pre-flight request");
        }
        Secret s;
        try {
            s = Secret.fromJson(json.read(r.body()));
        } catch (JsonException e) {
            throw new ResponseFormatException(e.getMessage());
        }
        Map<String, Object> data = s.data();
        String mountPath = data == null ? "" : Secret.string(data.get("path"));
        boolean v2 =
                data != null
                        && data.get("options") instanceof Map<?, ?> options
                        && "2".equals(options.get("version"));
        return new Preflight(mountPath, v2);
    }

    private static String sanitize(String s) {
        return PathArgs.sanitize(s);
    }
}
