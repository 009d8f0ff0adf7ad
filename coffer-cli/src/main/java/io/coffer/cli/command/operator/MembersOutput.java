package io.coffer.cli.command.operator;

import io.coffer.cli.api.Secret;
import io.coffer.cli.json.JsonStruct;
import io.coffer.cli.output.GoTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The nodes of {@code sys/ha-status} as {@code vault operator members} prints them: the table rows
 * of its eight columns (Last Echo in Go's {@code time.RFC3339}, empty for the active node), or the
 * JSON of vault's {@code api.HAStatusResponse} ({@code {"Nodes": [...]}}, the struct's untagged
 * field name, with each {@code api.HANode} in its field order).
 */
final class MembersOutput {
    static final String HEADER =
            "Host Name | API Address | Cluster Address | Active Node | Version | Upgrade Version"
                    + " | Redundancy Zone | Last Echo";

    private final List<Map<String, Object>> nodes;

    /**
     * Reads the top-level {@code nodes} of a ha-status answer (matched case-insensitively, as Go's
     * decoder does); null when there is none.
     */
    MembersOutput(Map<String, Object> haStatus) {
        List<Map<String, Object>> found = null;
        for (Map.Entry<String, Object> e : haStatus.entrySet()) {
            if (e.getKey().equalsIgnoreCase("nodes") && e.getValue() instanceof List<?> l) {
                found = new ArrayList<>();
                for (Object o : l) {
                    found.add(o instanceof Map<?, ?> m ? Secret.asMap(m) : Map.of());
                }
                break;
            }
        }
        this.nodes = found;
    }

    /** The table rows, header first. */
    List<String> rows() {
        List<String> out = new ArrayList<>();
        out.add(HEADER);
        if (nodes != null) {
            for (Map<String, Object> n : nodes) {
                out.add(String.join(" | ", str(n, "hostname"), str(n, "api_address"), str(n, "cluster_address"),
                        Boolean.toString(Boolean.TRUE.equals(n.get("active_node"))), str(n, "version"),
                        str(n, "upgrade_version"), str(n, "redundancy_zone"), lastEcho(n, false)));
            }
        }
        return out;
    }

    /** The JSON value of vault's {@code api.HAStatusResponse}. */
    JsonStruct json() {
        List<JsonStruct> list = null;
        if (nodes != null) {
            list = new ArrayList<>();
            for (Map<String, Object> n : nodes) {
                String echo = lastEcho(n, true);
                list.add(new JsonStruct()
                        .put("hostname", str(n, "hostname"))
                        .put("api_address", str(n, "api_address"))
                        .put("cluster_address", str(n, "cluster_address"))
                        .put("active_node", Boolean.TRUE.equals(n.get("active_node")))
                        .put("last_echo", echo.isEmpty() ? null : echo)
                        .put("echo_duration_ms", Secret.longValue(n.get("echo_duration_ms")))
                        .put("clock_skew_ms", Secret.longValue(n.get("clock_skew_ms")))
                        .put("version", str(n, "version"))
                        .putOmitEmpty("upgrade_version", str(n, "upgrade_version"))
                        .putOmitEmpty("redundancy_zone", str(n, "redundancy_zone"))
                        .put("replication_primary_canary_age_ms",
                                Secret.longValue(n.get("replication_primary_canary_age_ms"))));
            }
        }
        return new JsonStruct().put("Nodes", list);
    }

    /** The last echo as Go re-formats the decoded time; unparseable values are kept as sent. */
    private static String lastEcho(Map<String, Object> n, boolean nano) {
        String raw = str(n, "last_echo");
        OffsetDateTime t = GoTime.parse(raw);
        if (t == null) {
            return raw;
        }
        return nano ? GoTime.rfc3339Nano(t) : GoTime.rfc3339(t);
    }

    private static String str(Map<String, Object> n, String key) {
        return Secret.string(n.get(key));
    }
}
