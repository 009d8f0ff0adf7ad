package io.coffer.cli.command.sys;

import io.coffer.cli.api.ApiException;
import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.Secret;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.json.GoJson;
import io.coffer.cli.json.JsonStruct;
import io.coffer.cli.output.Columns;
import io.coffer.cli.output.GoTime;
import io.coffer.cli.output.OutputFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints a seal status as the vault CLI does after {@code status} and {@code operator unseal}
 * (vault's {@code OutputSealStatus}): the {@code sys/seal-status} fields merged with those of
 * {@code sys/leader}, as a Key/Value table or as JSON. Shows Unseal Progress and Nonce while
 * sealed; a sealed HA node's 503 on {@code sys/leader} is tolerated as vault does (HA enabled, no
 * HA details).
 */
public final class SealStatusOutput {
    private SealStatusOutput() {}

    /**
     * Fetches {@code sys/leader} and prints {@code seal} with it in the invocation's format.
     *
     * @return 0, or 1 when the leader status cannot be read (vault's codes)
     */
    public static int print(Invocation inv, Map<String, Object> seal) throws ClientSetupException {
        Map<String, Object> leader;
        try {
            leader = inv.client().getRawJson("sys/leader");
        } catch (ApiException e) {
            // vault masks "Vault is sealed"; any 503 from a node that reports itself sealed is the same case
            if (!e.getMessage().contains("Vault is sealed") && !(e.statusCode() == 503 && sealed(seal))) {
                inv.ui().error("Error checking leader status: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            leader = Map.of("ha_enabled", Boolean.TRUE);
        } catch (ClientException e) {
            inv.ui().error("Error checking leader status: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (inv.format() == OutputFormat.JSON) {
            inv.ui().output(GoJson.marshalIndent(json(seal, leader)));
        } else {
            inv.ui().output(Columns.table(rows(seal, leader), "|"));
        }
        return ExitCodes.OK;
    }

    /** True when the seal status says {@code sealed: true}. */
    public static boolean sealed(Map<String, Object> seal) {
        return bool(seal.get("sealed"));
    }

    /** The table rows of vault's status output. */
    public static List<String> rows(Map<String, Object> s, Map<String, Object> l) {
        boolean sealed = bool(s.get("sealed"));
        String prefix = bool(s.get("recovery_seal")) ? "Recovery " : "";
        List<String> out = new ArrayList<>();
        out.add("Key | Value");
        out.add(prefix + "Seal Type | " + str(s.get("type")));
        out.add("Initialized | " + bool(s.get("initialized")));
        out.add("Sealed | " + sealed);
        out.add("Total " + prefix + "Shares | " + num(s.get("n")));
        out.add("Threshold | " + num(s.get("t")));
        if (sealed) {
            out.add("Unseal Progress | " + num(s.get("progress")) + "/" + num(s.get("t")));
            out.add("Unseal Nonce | " + str(s.get("nonce")));
        }
        if (bool(s.get("migration"))) {
            out.add("Seal Migration in Progress | true");
        }
        out.add("Version | " + str(s.get("version")));
        out.add("Build Date | " + str(s.get("build_date")));
        out.add("Storage Type | " + str(s.get("storage_type")));
        if (!str(s.get("cluster_name")).isEmpty() && !str(s.get("cluster_id")).isEmpty()) {
            out.add("Cluster Name | " + str(s.get("cluster_name")));
            out.add("Cluster ID | " + str(s.get("cluster_id")));
        }
        boolean ha = bool(l.get("ha_enabled"));
        out.add("HA Enabled | " + ha);
        if (ha && !sealed) {
            out.add("HA Cluster | " + str(l.get("leader_cluster_address")));
            boolean self = bool(l.get("is_self"));
            out.add("HA Mode | " + (self ? "active" : "standby"));
            String active = str(l.get("active_time"));
            if (self && !active.isEmpty() && !active.startsWith("0001-01-01")) {
                out.add("Active Since | " + GoTime.normalizeNano(active));
            }
            if (!self) {
                String addr = str(l.get("leader_address"));
                out.add("Active Node Address | " + (addr.isEmpty() ? "<none>" : addr));
            }
            if (bool(l.get("performance_standby"))) {
                out.add("Performance Standby Node | true");
                out.add(
                        "Performance Standby Last Remote WAL | "
                                + num(l.get("performance_standby_last_remote_wal")));
            }
        }
        if (Secret.longValue(l.get("raft_committed_index")) > 0) {
            out.add("Raft Committed Index | " + num(l.get("raft_committed_index")));
        }
        if (Secret.longValue(l.get("raft_applied_index")) > 0) {
            out.add("Raft Applied Index | " + num(l.get("raft_applied_index")));
        }
        if (Secret.longValue(l.get("last_wal")) > 0) {
            out.add("Last WAL | " + num(l.get("last_wal")));
        }
        if (s.get("warnings") instanceof List<?> w && !w.isEmpty()) {
            out.add("Warnings | " + io.coffer.cli.output.GoFormat.value(w));
        }
        return out;
    }

    /** The JSON of vault's {@code SealStatusOutput}: seal-status fields then leader fields. */
    public static JsonStruct json(Map<String, Object> s, Map<String, Object> l) {
        JsonStruct j = new JsonStruct();
        j.put("type", str(s.get("type")));
        j.put("initialized", bool(s.get("initialized")));
        j.put("sealed", bool(s.get("sealed")));
        j.put("t", Secret.longValue(s.get("t")));
        j.put("n", Secret.longValue(s.get("n")));
        j.put("progress", Secret.longValue(s.get("progress")));
        j.put("nonce", str(s.get("nonce")));
        j.put("version", str(s.get("version")));
        j.put("build_date", str(s.get("build_date")));
        j.put("migration", bool(s.get("migration")));
        j.putOmitEmpty("cluster_name", str(s.get("cluster_name")));
        j.putOmitEmpty("cluster_id", str(s.get("cluster_id")));
        j.put("recovery_seal", bool(s.get("recovery_seal")));
        j.putOmitEmpty("recovery_seal_type", str(s.get("recovery_seal_type")));
        j.putOmitEmpty("storage_type", str(s.get("storage_type")));
        j.putOmitEmpty("warnings", s.get("warnings"));
        if (s.get("removed_from_cluster") instanceof Boolean b) {
            j.put("removed_from_cluster", b);
        }
        j.put("ha_enabled", bool(l.get("ha_enabled")));
        j.putOmitEmpty("is_self", bool(l.get("is_self")));
        String active = str(l.get("active_time"));
        j.put("active_time", active.isEmpty() ? "0001-01-01T00:00:00Z" : GoTime.normalizeNano(active));
        j.putOmitEmpty("leader_address", str(l.get("leader_address")));
        j.putOmitEmpty("leader_cluster_address", str(l.get("leader_cluster_address")));
        j.putOmitEmpty("performance_standby", bool(l.get("performance_standby")));
        j.putOmitEmpty(
                "performance_standby_last_remote_wal",
                Secret.longValue(l.get("performance_standby_last_remote_wal")));
        j.putOmitEmpty("last_wal", Secret.longValue(l.get("last_wal")));
        j.putOmitEmpty("raft_committed_index", Secret.longValue(l.get("raft_committed_index")));
        j.putOmitEmpty("raft_applied_index", Secret.longValue(l.get("raft_applied_index")));
        return j;
    }

    private static boolean bool(Object o) {
        return Boolean.TRUE.equals(o);
    }

    private static String str(Object o) {
        return Secret.string(o);
    }

    private static String num(Object o) {
        return Long.toString(Secret.longValue(o));
    }
}
