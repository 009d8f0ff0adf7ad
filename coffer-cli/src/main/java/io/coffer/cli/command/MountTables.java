package io.coffer.cli.command;

import io.coffer.cli.api.Secret;
import io.coffer.cli.json.GoJson;
import io.coffer.cli.output.Columns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Static helpers for the list commands that read a mount table ({@code sys/auth}, {@code
 * sys/mounts}, {@code sys/audit}): fetching it as entries sorted by path in Go's string order,
 * printing it as a simple or {@code -detailed} table, and the per-mount values their tables share,
 * computed as vault's CLI computes them.
 */
public final class MountTables {
    private MountTables() {}

    /**
     * Sends {@code request} and returns the table's entries that are objects, by path; a failure
     * or an answer without data prints {@code error} and the reason and ends with exit code 2.
     */
    public static TreeMap<String, Map<String, Object>> fetch(
            Invocation inv, String error, ApiRequest<Secret> request) throws ClientSetupException, ExitException {
        Secret secret = Requests.send(inv, error, request);
        if (secret == null || secret.data() == null) {
            throw inv.fail(ExitCodes.API, error + "data from server response is empty");
        }
        TreeMap<String, Map<String, Object>> table = new TreeMap<>(GoJson.GO_STRING_ORDER);
        for (Map.Entry<String, Object> e : secret.data().entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m) {
                table.put(e.getKey(), Secret.asMap(m));
            }
        }
        return table;
    }

    /** The {@code -detailed} flag of a list command. */
    public static FlagSpec detailedFlag(String usage) {
        return FlagSpec.of(StandardFlags.COMMAND, "detailed", FlagType.BOOL, Boolean.FALSE, usage);
    }

    /**
     * Prints {@code table} as the rows of {@code detailed} when {@code -detailed} is given, else of
     * {@code simple}, aligned on {@code |}, and returns exit code 0.
     */
    public static int printTable(
            Invocation inv,
            Map<String, Map<String, Object>> table,
            Function<Map<String, Map<String, Object>>, List<String>> simple,
            Function<Map<String, Map<String, Object>>, List<String>> detailed) {
        List<String> rows = inv.flags().bool("detailed") ? detailed.apply(table) : simple.apply(table);
        inv.ui().output(Columns.table(rows, "|"));
        return ExitCodes.OK;
    }

    /** Prints {@code table} as a JSON object of path to each mount as {@code json} shapes it. */
    public static int printJson(
            Invocation inv, Map<String, Map<String, Object>> table, Function<Map<String, Object>, Object> json) {
        Map<String, Object> out = new TreeMap<>(GoJson.GO_STRING_ORDER);
        for (Map.Entry<String, Map<String, Object>> e : table.entrySet()) {
            out.put(e.getKey(), json.apply(e.getValue()));
        }
        return inv.printer().outputData(out);
    }

    /**
     * The first columns of a {@code -detailed} mount row ({@code Path | Plugin | Accessor | Default
     * TTL | Max TTL}), to which the caller adds its own.
     */
    public static List<String> detailedLead(String path, Map<String, Object> mount) {
        String type = Secret.string(mount.get("type"));
        Map<String, Object> config = config(mount);
        List<String> columns = new ArrayList<>();
        columns.add(path);
        columns.add(plugin(type, config));
        columns.add(Secret.string(mount.get("accessor")));
        columns.add(ttl(type, Secret.longValue(config.get("default_lease_ttl"))));
        columns.add(ttl(type, Secret.longValue(config.get("max_lease_ttl"))));
        return columns;
    }

    /** The {@code Replication} column: {@code local} or {@code replicated}. */
    public static String replication(Map<String, Object> mount) {
        return Boolean.TRUE.equals(mount.get("local")) ? "local" : "replicated";
    }

    /** The mount's {@code config} object, empty when there is none. */
    public static Map<String, Object> config(Map<String, Object> mount) {
        return mount.get("config") instanceof Map<?, ?> c ? Secret.asMap(c) : Map.of();
    }

    /** The mount's options as Go's {@code map[string]string}, or null when there are none. */
    public static Map<String, String> options(Map<String, Object> mount) {
        if (!(mount.get("options") instanceof Map<?, ?> o)) {
            return null;
        }
        Map<String, String> out = new TreeMap<>(GoJson.GO_STRING_ORDER);
        for (Map.Entry<?, ?> e : o.entrySet()) {
            out.put(String.valueOf(e.getKey()), Secret.string(e.getValue()));
        }
        return out;
    }

    /** The {@code Plugin} column: the type, or {@code config.plugin_name} for type {@code plugin}. */
    static String plugin(String type, Map<String, Object> config) {
        return type.equals("plugin") ? Secret.string(config.get("plugin_name")) : type;
    }

    /** Vault's {@code calcTTL}: seconds, {@code system} for 0, empty for system/cubbyhole. */
    static String ttl(String type, long ttl) {
        if (type.equals("system") || type.equals("cubbyhole")) {
            return "";
        }
        return ttl != 0 ? Long.toString(ttl) : "system";
    }
}
