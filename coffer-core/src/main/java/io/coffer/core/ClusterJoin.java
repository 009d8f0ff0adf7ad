package io.coffer.core;

import io.coffer.core.barrier.AesGcmBarrier;
import io.coffer.core.barrier.SecurityBarrier;
import io.coffer.core.ha.ClusterMembership;
import io.coffer.core.ha.ClusterSettings;
import io.coffer.core.ha.HaBackend;
import io.coffer.core.ha.JoinChallenge;
import io.coffer.core.ha.JoinChallenges;
import io.coffer.core.ha.JoinTransport;
import io.coffer.core.ha.LeaderTarget;
import io.coffer.core.ha.NodeAdvertisement;
import io.coffer.core.ha.Peer;
import io.coffer.core.physical.PhysicalBackend;
import io.coffer.core.seal.SealConfig;
import io.coffer.core.seal.ShamirSeal;
import io.coffer.core.storage.StoredJson;
import io.coffer.crypto.SecretBytes;
import io.coffer.sdk.logical.StorageEntry;
import io.coffer.sdk.logical.exception.InternalException;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The Raft join handshake (Vault's unseal challenge), both sides.
 *
 * <ul>
 *   <li>Joining node: {@link #requestChallenge} fetches a challenge and the cluster's seal
 *       configuration from the leader; the operator then unseals this node with the cluster's
 *       shares, and {@link #submit} opens the challenge with the root key they unlock, answers
 *       it, starts Raft with the membership the leader returns, and waits until the cluster's
 *       data has arrived.</li>
 *   <li>Active node: {@link #challenge} hands out a challenge sealed under the root key;
 *       {@link #admit} checks the answer and adds the node.</li>
 * </ul>
 *
 * <p>A node that does not hold the cluster's shares cannot open the challenge, so it cannot
 * join. Nothing here logs or returns key material.
 */
final class ClusterJoin {
    private static final Duration DATA_ARRIVAL_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9._\\[\\]:-]+:[0-9]{1,5}");

    private final HaBackend ha;
    private final ClusterSettings cluster;
    private final ShamirSeal seal;
    private final SecurityBarrier barrier;
    private final PhysicalBackend physical;
    private final JoinChallenges challenges;
    private volatile Pending pending;

    /** A join waiting for the operator's shares. */
    private record Pending(LeaderTarget leader, byte[] challenge, SealConfig config, boolean nonVoter) {
    }

    ClusterJoin(HaBackend ha, ClusterSettings cluster, ShamirSeal seal, SecurityBarrier barrier,
                PhysicalBackend physical, SecureRandom random, Clock clock) {
        this.ha = ha;
        this.cluster = cluster;
        this.seal = seal;
        this.barrier = barrier;
        this.physical = physical;
        this.challenges = new JoinChallenges(random, clock);
    }

    /** The seal configuration of the cluster being joined, while a join waits for shares. */
    SealConfig pendingConfig() {
        Pending p = pending;
        return p == null ? null : p.config();
    }

    /**
     * Asks {@code leader} for a challenge; afterwards this node waits to be unsealed with the
     * cluster's shares.
     *
     * @throws InternalException when the leader cannot be reached or refuses
     */
    void requestChallenge(LeaderTarget leader, boolean nonVoter) {
        JoinTransport transport = transport();
        JoinChallenge c;
        try {
            c = transport.challenge(leader, ha.nodeId());
        } catch (JoinTransport.JoinException e) {
            throw new InternalException("failed to join raft cluster: " + e.getMessage());
        }
        SealConfig config = seal.decode(c.sealConfig());
        seal.reset();
        pending = new Pending(leader, c.challenge().clone(), config, nonVoter);
    }

    /**
     * Adds one of the cluster's shares; at the threshold completes the join and returns the
     * root key (the caller opens the barrier with it and closes it), else {@code null}.
     */
    SecretBytes submit(byte[] share) {
        Pending p = pending;
        SecretBytes rootKey = seal.submit(share, p.config());
        if (rootKey == null) {
            return null;
        }
        try {
            byte[] answer;
            try {
                answer = JoinChallenges.open(rootKey, ha.nodeId(), p.challenge());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("Error unsealing: these unseal keys do not belong to the cluster this node is joining");
            }
            ClusterMembership membership;
            try {
                membership = transport().answer(p.leader(), ha.nodeId(), answer, ha.clusterAddress(),
                        cluster.apiAddress(), p.nonVoter());
            } catch (JoinTransport.JoinException e) {
                throw new InternalException("failed to join raft cluster: " + e.getMessage()
                        + "; run the join again and unseal once more");
            } finally {
                java.util.Arrays.fill(answer, (byte) 0);
            }
            try {
                ha.join(membership);
            } catch (IllegalStateException e) {
                throw new InternalException("failed to start raft as a member of the cluster: " + e.getMessage());
            }
            pending = null;
            awaitClusterData();
            return rootKey;
        } catch (RuntimeException e) {
            rootKey.close();
            throw e;
        }
    }

    private void awaitClusterData() {
        long deadline = System.nanoTime() + DATA_ARRIVAL_TIMEOUT.toNanos();
        while (physical.get(ShamirSeal.CONFIG_PATH) == null || physical.get(AesGcmBarrier.KEYRING_PATH) == null) {
            if (System.nanoTime() > deadline) {
                throw new InternalException("joined the cluster, but its data did not arrive within "
                        + DATA_ARRIVAL_TIMEOUT.toSeconds() + " s; unseal again once the node has caught up");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InternalException("interrupted while waiting for the cluster's data");
            }
        }
    }

    /** On the active node: a challenge for {@code nodeId} and the stored seal configuration. */
    JoinChallenge challenge(String nodeId) {
        checkNodeId(nodeId);
        StorageEntry config = physical.get(ShamirSeal.CONFIG_PATH);
        if (config == null) {
            throw new InternalException("seal configuration missing");
        }
        try (SecretBytes rootKey = barrier.rootKeyCopy()) {
            return new JoinChallenge(challenges.issue(nodeId, rootKey), config.value());
        }
    }

    /** On the active node: checks the answer, adds the node and records its addresses. */
    ClusterMembership admit(String nodeId, byte[] answer, String clusterAddress, String apiAddress, boolean nonVoter,
                            StoredJson json) {
        checkNodeId(nodeId);
        if (clusterAddress == null || !HOST_PORT.matcher(clusterAddress).matches()) {
            throw new InvalidRequestException("cluster_addr must be host:port");
        }
        if (answer == null || !challenges.verify(nodeId, answer)) {
            throw new InvalidRequestException("invalid answer given");
        }
        ClusterMembership membership;
        try {
            membership = ha.addPeer(new Peer(nodeId, clusterAddress, !nonVoter));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new InternalException("failed to add node " + nodeId + ": " + e.getMessage());
        }
        json.write(barrier, NodeAdvertisement.PREFIX + nodeId, NodeAdvertisement.of(nodeId,
                apiAddress == null ? "" : apiAddress, clusterAddress, ""));
        return membership;
    }

    private static void checkNodeId(String nodeId) {
        if (nodeId == null || !NODE_ID.matcher(nodeId).matches()) {
            throw new InvalidRequestException("server_id must be 1-128 letters, digits, '.', '_' or '-'");
        }
    }

    private JoinTransport transport() {
        if (cluster.transport() == null) {
            throw new InternalException("this node has no way to reach a leader (no join transport configured)");
        }
        return cluster.transport();
    }
}
