package io.coffer.core.system;

import io.coffer.core.CofferVersion;
import io.coffer.core.ha.ClusterConfiguration;
import io.coffer.core.ha.HaBackend;
import io.coffer.core.ha.NodeAdvertisement;
import io.coffer.core.ha.PeerProgress;
import io.coffer.core.storage.StoredJson;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster endpoints served by the active node: {@code sys/ha-status},
 * {@code sys/storage/raft/configuration}, {@code sys/storage/raft/remove-peer} and
 * {@code sys/storage/raft/autopilot/state}. Without Raft storage the {@code storage/raft}
 * paths answer 400 {@code raft storage is not in use}.
 */
final class ClusterPaths {
    /** A follower silent for longer than this is reported unhealthy (Vault's default threshold). */
    private static final Duration LAST_CONTACT_THRESHOLD = Duration.ofSeconds(10);

    private final HaBackend ha;
    private final Storage barrier;
    private final StoredJson json;
    private final Clock clock;

    ClusterPaths(HaBackend ha, Storage barrier, StoredJson json, Clock clock) {
        this.ha = ha;
        this.barrier = barrier;
        this.json = json;
        this.clock = clock;
    }

    List<Path> paths() {
        return List.of(
                Path.builder("ha-status").operation(Operation.READ, (req, data) -> haStatus()).build(),
                Path.builder("storage/raft/configuration").operation(Operation.READ, (req, data) -> configuration()).build(),
                Path.builder("storage/raft/remove-peer")
                        .field("server_id", FieldType.STRING, "Node id of the member to remove")
                        .write((req, data) -> removePeer(data.getString("server_id")))
                        .build(),
                Path.builder("storage/raft/autopilot/state").operation(Operation.READ, (req, data) -> autopilot()).build());
    }

    private HaBackend raft() {
        if (ha == null) {
            throw new InvalidRequestException("raft storage is not in use");
        }
        return ha;
    }

    private Response haStatus() {
        List<Map<String, Object>> nodes = new ArrayList<>();
        if (ha != null) {
            Map<String, PeerProgress> progress = progressById();
            for (ClusterConfiguration.Server s : ha.configuration().servers()) {
                NodeAdvertisement a = advertisement(s.nodeId());
                Map<String, Object> n = new LinkedHashMap<>();
                n.put("hostname", s.nodeId());
                n.put("api_address", a == null ? "" : a.apiAddress());
                n.put("cluster_address", a == null || a.clusterAddress().isEmpty() ? s.address() : a.clusterAddress());
                n.put("active_node", s.leader());
                PeerProgress p = progress.get(s.nodeId());
                n.put("last_echo", s.leader() || p == null ? null : clock.instant().minus(p.lastContact()).toString());
                n.put("version", a == null || a.version().isEmpty() ? CofferVersion.VERSION : a.version());
                n.put("upgrade_version", CofferVersion.VERSION);
                n.put("redundancy_zone", "");
                nodes.add(n);
            }
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("nodes", nodes);
        return Response.of(d).withTopLevelData();
    }

    private Response configuration() {
        ClusterConfiguration c = raft().configuration();
        List<Map<String, Object>> servers = new ArrayList<>();
        for (ClusterConfiguration.Server s : c.servers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("node_id", s.nodeId());
            m.put("address", s.address());
            m.put("leader", s.leader());
            m.put("protocol_version", "3");
            m.put("voter", s.voter());
            servers.add(m);
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("index", c.index());
        config.put("servers", servers);
        return Response.of(Map.of("config", config));
    }

    private Response removePeer(String serverId) {
        if (serverId == null || serverId.isEmpty()) {
            throw new InvalidRequestException("no server id provided");
        }
        HaBackend raft = raft();
        if (serverId.equals(raft.nodeId())) {
            throw new InvalidRequestException("the active node cannot remove itself; step down first and remove it from the new active node");
        }
        try {
            raft.removePeer(serverId);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("no member with server id " + serverId);
        }
        barrier.delete(NodeAdvertisement.PREFIX + serverId);
        return Response.noContent();
    }

    private Response autopilot() {
        HaBackend raft = raft();
        ClusterConfiguration c = raft.configuration();
        Map<String, PeerProgress> progress = progressById();
        Instant now = clock.instant();
        Map<String, Object> servers = new LinkedHashMap<>();
        List<String> voters = new ArrayList<>();
        List<String> nonVoters = new ArrayList<>();
        String leader = "";
        int healthyVoters = 0;
        for (ClusterConfiguration.Server s : c.servers()) {
            PeerProgress p = progress.get(s.nodeId());
            boolean healthy = s.leader() || (p != null && p.lastContact().compareTo(LAST_CONTACT_THRESHOLD) <= 0);
            if (s.leader()) {
                leader = s.nodeId();
            }
            (s.voter() ? voters : nonVoters).add(s.nodeId());
            if (s.voter() && healthy) {
                healthyVoters++;
            }
            NodeAdvertisement a = advertisement(s.nodeId());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.nodeId());
            m.put("name", s.nodeId());
            m.put("address", s.address());
            m.put("node_status", healthy ? "alive" : "left");
            m.put("last_contact", p == null ? "0s" : goDuration(p.lastContact()));
            m.put("last_term", p == null ? raft.term() : p.term());
            m.put("last_index", p == null ? raft.appliedIndex() : p.matchIndex());
            m.put("healthy", healthy);
            m.put("stable_since", now.toString());
            m.put("status", s.leader() ? "leader" : s.voter() ? "voter" : "non-voter");
            m.put("version", a == null || a.version().isEmpty() ? CofferVersion.VERSION : a.version());
            m.put("node_type", "voter");
            servers.put(s.nodeId(), m);
        }
        int quorum = voters.size() / 2 + 1;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("healthy", healthyVoters >= quorum && healthyVoters == voters.size());
        d.put("failure_tolerance", Math.max(0, healthyVoters - quorum));
        d.put("leader", leader);
        d.put("voters", voters);
        if (!nonVoters.isEmpty()) {
            d.put("non_voters", nonVoters);
        }
        d.put("servers", servers);
        return Response.of(d);
    }

    private Map<String, PeerProgress> progressById() {
        Map<String, PeerProgress> m = new HashMap<>();
        for (PeerProgress p : ha.progress()) {
            m.put(p.peer().id(), p);
        }
        return m;
    }

    private NodeAdvertisement advertisement(String nodeId) {
        try {
            return json.read(barrier, NodeAdvertisement.PREFIX + nodeId, NodeAdvertisement.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String goDuration(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + "ms" : String.format(java.util.Locale.ROOT, "%.3fs", ms / 1000.0);
    }
}
