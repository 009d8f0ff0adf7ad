package io.coffer.raft;

import io.coffer.core.ha.ClusterConfiguration;
import io.coffer.core.ha.Peer;
import io.coffer.core.ha.PeerProgress;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.proto.RaftProtos.RoleInfoProto;
import org.apache.ratis.proto.RaftProtos.ServerRpcProto;
import org.apache.ratis.protocol.RaftPeer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a running node knows of its cluster, in the core's terms: the configuration with leader
 * and voter flags, and — on the leader — each member's progress from Ratis's role information
 * (time since the member last answered, the highest log index known replicated to it).
 * Stateless.
 */
final class ClusterView {

    private ClusterView() {
    }

    /** The current configuration: its log index and every member, sorted by id. */
    static ClusterConfiguration configuration(RaftNode node) {
        String leader = node.leaderId().orElse(null);
        List<ClusterConfiguration.Server> servers = new ArrayList<>();
        for (RaftPeer p : node.members(RaftPeerRole.FOLLOWER)) {
            String id = p.getId().toString();
            servers.add(new ClusterConfiguration.Server(id, p.getAddress(), id.equals(leader), true));
        }
        for (RaftPeer p : node.members(RaftPeerRole.LISTENER)) {
            String id = p.getId().toString();
            servers.add(new ClusterConfiguration.Server(id, p.getAddress(), id.equals(leader), false));
        }
        servers.sort(Comparator.comparing(ClusterConfiguration.Server::nodeId));
        return new ClusterConfiguration(node.raftConfiguration().getLogEntryIndex(), servers);
    }

    /** Each member's progress as this node sees it as leader, sorted by id; empty on a follower. */
    static List<PeerProgress> progress(RaftNode node) {
        if (!node.isLeaderRole()) {
            return List.of();
        }
        Optional<Map<String, long[]>> followers = followers(node);
        if (followers.isEmpty()) {
            return List.of();
        }
        long term = node.currentTerm();
        List<PeerProgress> out = new ArrayList<>();
        for (Peer member : members(node)) {
            if (member.id().equals(node.id())) {
                out.add(new PeerProgress(member, true, Duration.ZERO, node.lastLogIndex(), term));
            } else {
                long[] seen = followers.get().get(member.id());
                if (seen != null) {
                    out.add(new PeerProgress(member, false, Duration.ofMillis(seen[0]), seen[1], term));
                }
            }
        }
        out.sort(Comparator.comparing(p -> p.peer().id()));
        return out;
    }

    /** Follower id → {time since last answer in ms, match index}; empty when Ratis's view changed while read. */
    private static Optional<Map<String, long[]>> followers(RaftNode node) {
        for (int attempt = 0; attempt < 3; attempt++) {
            RoleInfoProto role = node.roleInfo();
            long[] match = node.followerMatchIndices();
            if (!role.hasLeaderInfo() || match == null) {
                return Optional.empty();
            }
            List<ServerRpcProto> infos = role.getLeaderInfo().getFollowerInfoList();
            if (infos.size() != match.length) {
                continue;
            }
            Map<String, long[]> out = new HashMap<>();
            for (int i = 0; i < infos.size(); i++) {
                out.put(infos.get(i).getId().getId().toStringUtf8(),
                        new long[] {infos.get(i).getLastRpcElapsedTimeMs(), match[i]});
            }
            return Optional.of(out);
        }
        return Optional.empty();
    }

    /** The members of the current configuration, voters first then non-voters. */
    static List<Peer> members(RaftNode node) {
        List<Peer> out = new ArrayList<>();
        for (RaftPeer p : node.members(RaftPeerRole.FOLLOWER)) {
            out.add(new Peer(p.getId().toString(), p.getAddress(), true));
        }
        for (RaftPeer p : node.members(RaftPeerRole.LISTENER)) {
            out.add(new Peer(p.getId().toString(), p.getAddress(), false));
        }
        return out;
    }
}
