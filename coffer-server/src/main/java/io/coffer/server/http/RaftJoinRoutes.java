package io.coffer.server.http;

import io.coffer.core.Core;
import io.coffer.core.ha.ClusterMembership;
import io.coffer.core.ha.JoinChallenge;
import io.coffer.core.ha.JoinTransport.JoinException;
import io.coffer.core.ha.LeaderTarget;
import io.coffer.core.ha.Peer;
import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldSchema;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.logical.exception.InternalException;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.server.cluster.LeaderTargets;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joining a Raft cluster, no token, bare JSON. On the joining node {@code POST|PUT
 * sys/storage/raft/join} checks the leader's address and PEM material and hands them to the
 * core ({@code {"joined":true}}; {@code auto_join} is refused). On the active node {@code
 * sys/storage/raft/bootstrap/challenge} and {@code …/answer} are the two steps a joining node's
 * {@link io.coffer.server.cluster.HttpJoinTransport} calls; standbys forward them.
 */
final class RaftJoinRoutes {
    private static final Map<String, FieldSchema> JOIN_FIELDS = Schemas.of(
            FieldSchema.of("leader_api_addr", FieldType.STRING, ""), FieldSchema.of("leader_ca_cert", FieldType.STRING, ""),
            FieldSchema.of("leader_client_cert", FieldType.STRING, ""), FieldSchema.of("leader_client_key", FieldType.STRING, ""),
            FieldSchema.of("leader_tls_servername", FieldType.STRING, ""), FieldSchema.of("retry", FieldType.BOOL, ""),
            FieldSchema.of("non_voter", FieldType.BOOL, ""), FieldSchema.of("auto_join", FieldType.STRING, ""),
            FieldSchema.of("auto_join_scheme", FieldType.STRING, ""), FieldSchema.of("auto_join_port", FieldType.INT, ""));
    private static final Map<String, FieldSchema> CHALLENGE_FIELDS = Schemas.of(
            FieldSchema.of("server_id", FieldType.STRING, ""));
    private static final Map<String, FieldSchema> ANSWER_FIELDS = Schemas.of(
            FieldSchema.of("server_id", FieldType.STRING, ""), FieldSchema.of("answer", FieldType.STRING, ""),
            FieldSchema.of("cluster_addr", FieldType.STRING, ""), FieldSchema.of("api_addr", FieldType.STRING, ""),
            FieldSchema.of("non_voter", FieldType.BOOL, ""));

    private final Core core;
    private final JsonBodies bodies;
    private final HttpExchange out;
    private final long maxBodyBytes;

    RaftJoinRoutes(Core core, JsonBodies bodies, HttpExchange out, long maxBodyBytes) {
        this.core = core;
        this.bodies = bodies;
        this.out = out;
        this.maxBodyBytes = maxBodyBytes;
    }

    void join(Request request, Response response, Callback callback) {
        FieldData d = fields(request, JOIN_FIELDS);
        // the Go client always sends the auto_join fields, empty when unused
        if (!d.getString("auto_join").isEmpty() || !d.getString("auto_join_scheme").isEmpty() || d.getInt("auto_join_port") != 0) {
            throw new InvalidRequestException("auto_join is not supported");
        }
        if (d.getString("leader_api_addr").isBlank()) {
            throw new InvalidRequestException("leader_api_addr must be provided");
        }
        LeaderTarget target = new LeaderTarget(d.getString("leader_api_addr").strip(), d.getString("leader_ca_cert"),
                d.getString("leader_client_cert"), d.getString("leader_client_key"), d.getString("leader_tls_servername"));
        try {
            LeaderTargets.validate(target);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        boolean joined;
        try {
            joined = core.join(target, d.getBool("non_voter"));
        } catch (JoinException e) {
            throw new InternalException(e.getMessage(), e);
        }
        out.writeJson(response, callback, 200, Map.of("joined", joined));
    }

    void challenge(Request request, Response response, Callback callback) {
        FieldData d = fields(request, CHALLENGE_FIELDS);
        JoinChallenge c = core.joinChallenge(serverId(d));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("challenge", Base64.getEncoder().encodeToString(c.challenge()));
        body.put("seal_config", Base64.getEncoder().encodeToString(c.sealConfig()));
        out.writeJson(response, callback, 200, body);
    }

    void answer(Request request, Response response, Callback callback) {
        FieldData d = fields(request, ANSWER_FIELDS);
        String serverId = serverId(d);
        if (d.getString("answer").isEmpty()) {
            throw new InvalidRequestException("no answer provided");
        }
        if (d.getString("cluster_addr").isBlank()) {
            throw new InvalidRequestException("no cluster_addr provided");
        }
        byte[] answer;
        try {
            answer = Base64.getDecoder().decode(d.getString("answer"));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'answer' must be a valid base64 string");
        }
        ClusterMembership membership;
        try {
            membership = core.joinAnswer(serverId, answer, d.getString("cluster_addr").strip(),
                    d.getString("api_addr").strip(), d.getBool("non_voter"));
        } finally {
            Arrays.fill(answer, (byte) 0);
        }
        List<Map<String, Object>> peers = new ArrayList<>();
        for (Peer p : membership.peers()) {
            Map<String, Object> peer = new LinkedHashMap<>();
            peer.put("id", p.id());
            peer.put("address", p.address());
            peer.put("voter", p.voter());
            peers.add(peer);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("group_id", membership.groupId());
        body.put("peers", peers);
        out.writeJson(response, callback, 200, body);
    }

    private FieldData fields(Request request, Map<String, FieldSchema> schema) {
        FieldData d = new FieldData(bodies.parse(RequestBody.read(request, maxBodyBytes)), schema);
        d.validate();
        return d;
    }

    private static String serverId(FieldData d) {
        String id = d.getString("server_id").strip();
        if (id.isEmpty()) {
            throw new InvalidRequestException("no server id provided");
        }
        return id;
    }
}
