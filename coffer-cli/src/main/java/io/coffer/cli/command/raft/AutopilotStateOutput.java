package io.coffer.cli.command.raft;

import io.coffer.cli.api.Secret;
import io.coffer.cli.json.GoJson;
import io.coffer.cli.json.JsonStruct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The autopilot state ({@code data} of {@code sys/storage/raft/autopilot/state}) as the vault CLI
 * prints its {@code api.AutopilotState}: the "pretty" text of {@code OutputAutopilotState} (servers
 * sorted by id), or {@code json.MarshalIndent} of the struct, whose fields carry no JSON tags and
 * so appear under their Go names ({@code Healthy}, {@code FailureTolerance}, {@code Servers}...).
 *
 * <p>The enterprise-only redundancy zones and upgrade information are not rendered (JSON shows them
 * as {@code null}); Coffer's API does not return them.
 */
final class AutopilotStateOutput {
    private static final String[][] SERVER_LINES = {
        {"Name", "name"}, {"Address", "address"}, {"Status", "status"}, {"Node Status", "node_status"},
        {"Healthy", "healthy"}, {"Last Contact", "last_contact"}, {"Last Term", "last_term"},
        {"Last Index", "last_index"}, {"Version", "version"},
    };
    private static final String[][] OPTIONAL_SERVER_LINES = {
        {"Upgrade Version", "upgrade_version"}, {"Redundancy Zone", "redundancy_zone"}, {"Node Type", "node_type"},
    };

    private final Map<String, Object> data;

    AutopilotStateOutput(Map<String, Object> data) {
        this.data = data;
    }

    /** vault's pretty format; ends with a newline, to which the UI adds its own as vault's does. */
    String pretty() {
        StringBuilder sb = new StringBuilder();
        line(sb, "Healthy:", Boolean.toString(bool(data.get("healthy"))));
        line(sb, "Failure Tolerance:", Long.toString(Secret.longValue(data.get("failure_tolerance"))));
        line(sb, "Leader:", Secret.string(data.get("leader")));
        sb.append("Voters:\n");
        for (String v : strings(data.get("voters"))) {
            sb.append("   ").append(v).append('\n');
        }
        List<String> nonVoters = strings(data.get("non_voters"));
        if (!nonVoters.isEmpty()) {
            sb.append("Non Voters:\n");
            for (String v : nonVoters) {
                sb.append("   ").append(v).append('\n');
            }
        }
        long optimistic = Secret.longValue(data.get("optimistic_failure_tolerance"));
        if (optimistic > 0) {
            line(sb, "Optimistic Failure Tolerance:", Long.toString(optimistic));
        }
        sb.append("Servers:\n");
        for (Map.Entry<String, Map<String, Object>> e : servers().entrySet()) {
            server(sb, e.getValue());
        }
        return sb.toString();
    }

    /** {@code json.MarshalIndent} of vault's {@code api.AutopilotState}. */
    String json() {
        Map<String, Object> servers = new TreeMap<>();
        for (Map.Entry<String, Map<String, Object>> e : servers().entrySet()) {
            servers.put(e.getKey(), serverJson(e.getValue()));
        }
        JsonStruct j = new JsonStruct()
                .put("Healthy", bool(data.get("healthy")))
                .put("FailureTolerance", Secret.longValue(data.get("failure_tolerance")))
                .put("Servers", data.get("servers") instanceof Map<?, ?> ? servers : null)
                .put("Leader", Secret.string(data.get("leader")))
                .put("Voters", data.get("voters") instanceof List<?> ? strings(data.get("voters")) : null)
                .put("NonVoters", data.get("non_voters") instanceof List<?> ? strings(data.get("non_voters")) : null)
                .put("RedundancyZones", null)
                .put("Upgrade", null)
                .put("OptimisticFailureTolerance", Secret.longValue(data.get("optimistic_failure_tolerance")));
        return GoJson.marshalIndent(j);
    }

    private static void server(StringBuilder sb, Map<String, Object> s) {
        sb.append("   ").append(Secret.string(s.get("id"))).append('\n');
        for (String[] l : SERVER_LINES) {
            serverLine(sb, l[0], text(s.get(l[1]), l[1]));
        }
        for (String[] l : OPTIONAL_SERVER_LINES) {
            String v = Secret.string(s.get(l[1]));
            if (!v.isEmpty()) {
                serverLine(sb, l[0], v);
            }
        }
    }

    private static JsonStruct serverJson(Map<String, Object> s) {
        return new JsonStruct()
                .put("ID", Secret.string(s.get("id")))
                .put("Name", Secret.string(s.get("name")))
                .put("Address", Secret.string(s.get("address")))
                .put("NodeStatus", Secret.string(s.get("node_status")))
                .put("LastContact", Secret.string(s.get("last_contact")))
                .put("LastTerm", Secret.longValue(s.get("last_term")))
                .put("LastIndex", Secret.longValue(s.get("last_index")))
                .put("Healthy", bool(s.get("healthy")))
                .put("StableSince", Secret.string(s.get("stable_since")))
                .put("Status", Secret.string(s.get("status")))
                .put("Version", Secret.string(s.get("version")))
                .put("UpgradeVersion", Secret.string(s.get("upgrade_version")))
                .put("RedundancyZone", Secret.string(s.get("redundancy_zone")))
                .put("NodeType", Secret.string(s.get("node_type")));
    }

    /** The servers by id, sorted as vault sorts them. */
    private Map<String, Map<String, Object>> servers() {
        Map<String, Map<String, Object>> out = new TreeMap<>(GoJson.GO_STRING_ORDER);
        if (data.get("servers") instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> s) {
                    out.put(String.valueOf(e.getKey()), Secret.asMap(s));
                }
            }
        }
        return out;
    }

    private static String text(Object v, String key) {
        return switch (key) {
            case "healthy" -> Boolean.toString(bool(v));
            case "last_term", "last_index" -> Long.toString(Secret.longValue(v));
            default -> Secret.string(v);
        };
    }

    /** A top-level line: label padded to vault's 33 columns, then the value. */
    private static void line(StringBuilder sb, String label, String value) {
        sb.append(label).append(" ".repeat(Math.max(1, 33 - label.length()))).append(value).append('\n');
    }

    /** A server line: six spaces, label padded to 19 columns, then the value. */
    private static void serverLine(StringBuilder sb, String label, String value) {
        String l = label + ":";
        sb.append("      ").append(l).append(" ".repeat(Math.max(1, 19 - l.length()))).append(value).append('\n');
    }

    private static boolean bool(Object o) {
        return Boolean.TRUE.equals(o);
    }

    private static List<String> strings(Object o) {
        return o instanceof List<?> l ? Secret.strings(l) : new ArrayList<>();
    }
}
