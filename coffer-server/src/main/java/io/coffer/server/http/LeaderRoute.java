package io.coffer.server.http;

import io.coffer.core.Core;
import io.coffer.core.ha.LeaderStatus;
import io.coffer.server.cluster.ClusterView;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Leadership: {@code GET sys/leader} (no token, bare JSON of contract §3.5, 503 {@code Vault is
 * sealed} on a sealed HA node) and {@code PUT|POST sys/step-down} (sudo, 204; standbys forward
 * it to the active node before it gets here).
 */
final class LeaderRoute {
    /** Go's zero {@code time.Time}, which Vault reports when the active time is unknown. */
    static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private final Core core;
    private final ClusterView cluster;
    private final HttpExchange out;

    LeaderRoute(Core core, ClusterView cluster, HttpExchange out) {
        this.core = core;
        this.cluster = cluster;
        this.out = out;
    }

    void leader(Response response, Callback callback) {
        out.writeJson(response, callback, 200, body(cluster.leaderStatus()));
    }

    void stepDown(Request request, Response response, Callback callback, String token) {
        core.stepDown(token, VaultHandler.clientAddress(request));
        out.writeEmpty(response, callback, 204);
    }

    static Map<String, Object> body(LeaderStatus s) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("ha_enabled", s.haEnabled());
        b.put("is_self", s.isSelf());
        b.put("active_time", s.activeTime().map(DateTimeFormatter.ISO_INSTANT::format).orElse(ZERO_TIME));
        b.put("leader_address", s.leaderAddress());
        b.put("leader_cluster_address", s.leaderClusterAddress());
        b.put("performance_standby", false);
        b.put("performance_standby_last_remote_wal", 0);
        if (s.committedIndex() != 0) {
            b.put("raft_committed_index", s.committedIndex());
        }
        if (s.appliedIndex() != 0) {
            b.put("raft_applied_index", s.appliedIndex());
        }
        return b;
    }
}
