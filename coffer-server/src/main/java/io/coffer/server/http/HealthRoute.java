package io.coffer.server.http;

import io.coffer.core.Core;
import io.coffer.core.ha.NodeRole;
import io.coffer.server.cluster.ClusterView;
import io.coffer.sdk.framework.GoBool;
import io.coffer.core.CofferVersion;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET|HEAD sys/health}: the node's state as a status code a load balancer can act on,
 * with every override parameter of Vault ({@code standbyok}, {@code activecode},
 * {@code standbycode}, {@code sealedcode}, …) and Coffer's {@code drsecondaryok}. HEAD answers
 * the same status with no body. The role comes from one {@link ClusterView#role()} call, so
 * status and body always describe the same state; precedence is contract §4's: uninitialised,
 * sealed, standby ({@code standbyok} turns it into {@code activecode}), active.
 */
final class HealthRoute {
    private final Core core;
    private final ClusterView cluster;
    private final HttpExchange out;
    private final Clock clock;
    private final String clusterName;

    HealthRoute(Core core, ClusterView cluster, HttpExchange out, Clock clock, String clusterName) {
        this.core = core;
        this.cluster = cluster;
        this.out = out;
        this.clock = clock;
        this.clusterName = clusterName;
    }

    void handle(Request request, Response response, Callback callback) {
        Fields q = Request.extractQueryParameters(request);
        int status;
        Map<String, Object> body;
        try {
            boolean standbyOk = bool(q, "standbyok");
            bool(q, "perfstandbyok");
            // Coffer's extension for logical-replication secondaries; no node is one yet
            bool(q, "drsecondaryok");
            int uninit = code(q, "uninitcode", 501);
            int sealedCode = code(q, "sealedcode", 503);
            int active = code(q, "activecode", 200);
            int standby = code(q, "standbycode", 429);
            for (String name : new String[]{"drsecondarycode", "performancestandbycode", "haunhealthycode", "removedcode"}) {
                code(q, name, 0);
            }
            NodeRole role = cluster.role();
            status = switch (role) {
                case UNINITIALIZED -> uninit;
                case SEALED -> sealedCode;
                case STANDBY -> standbyOk ? active : standby;
                case ACTIVE -> active;
            };
            body = body(role);
        } catch (InvalidRequestException e) {
            out.writeErrors(response, callback, 400, java.util.List.of());
            return;
        }
        if ("HEAD".equals(request.getMethod())) {
            out.writeEmpty(response, callback, status);
        } else {
            out.writeJson(response, callback, status, body);
        }
    }

    private Map<String, Object> body(NodeRole role) {
        boolean initialized = role != NodeRole.UNINITIALIZED;
        boolean sealed = role == NodeRole.UNINITIALIZED || role == NodeRole.SEALED;
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("initialized", initialized);
        b.put("sealed", sealed);
        b.put("standby", role != NodeRole.ACTIVE);
        b.put("performance_standby", false);
        b.put("replication_performance_mode", sealed ? "unknown" : "disabled");
        b.put("replication_dr_mode", sealed ? "unknown" : "disabled");
        b.put("server_time_utc", clock.instant().getEpochSecond());
        b.put("version", CofferVersion.VERSION);
        if (!sealed) {
            b.put("cluster_name", clusterName);
            b.put("cluster_id", core.clusterId());
        }
        if (initialized) {
            b.put("enterprise", false);
            b.put("echo_duration_ms", 0);
            b.put("clock_skew_ms", 0);
            b.put("replication_primary_canary_age_ms", 0);
        }
        return b;
    }

    /** The parameter as Go's {@code ParseBool} reads it; absent or empty is false. */
    private static boolean bool(Fields q, String name) {
        String v = q.getValue(name);
        if (v == null || v.isEmpty()) {
            return false;
        }
        Boolean parsed = GoBool.parse(v);
        if (parsed == null) {
            throw new InvalidRequestException("");
        }
        return parsed;
    }

    private static int code(Fields q, String name, int fallback) {
        String v = q.getValue(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("");
        }
    }
}
