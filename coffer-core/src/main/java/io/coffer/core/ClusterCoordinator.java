package io.coffer.core;

import io.coffer.core.barrier.SecurityBarrier;
import io.coffer.core.ha.ClusterSettings;
import io.coffer.core.ha.HaBackend;
import io.coffer.core.ha.LeaderAdvertisement;
import io.coffer.core.ha.LeaderTarget;
import io.coffer.core.ha.NodeAdvertisement;
import io.coffer.core.ha.Peer;
import io.coffer.core.storage.StoredJson;
import io.coffer.sdk.logical.StorageChange;
import io.coffer.sdk.logical.StorageEntry;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a node's role in line with Raft leadership, on one background thread: an unsealed
 * leader becomes active, an active node that lost leadership becomes a standby, and a sealed
 * leader hands leadership to the next member (in node-id order, so that an unsealed member is
 * reached within one round). Also runs {@code retry_join} while the node belongs to no cluster.
 *
 * <p>It reacts to leadership events from the storage and re-checks every
 * {@value #TICK_MILLIS} ms, so a missed event only delays, never loses, a transition.
 */
final class ClusterCoordinator implements AutoCloseable {
    private static final Logger LOG = System.getLogger(ClusterCoordinator.class.getName());
    static final long TICK_MILLIS = 250;
    private static final Duration HAND_OFF_INTERVAL = Duration.ofSeconds(2);
    private static final Duration TRANSFER_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration RETRY_JOIN_INTERVAL = Duration.ofSeconds(2);
    /** How long a standby waits for a new leader's advertisement to be replicated to it. */
    private static final Duration ADVERTISEMENT_WAIT = Duration.ofSeconds(3);

    private final Core core;
    private final HaBackend ha;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "coffer-cluster-coordinator");
        t.setDaemon(true);
        return t;
    });
    private Instant lastHandOff = Instant.EPOCH;
    private Instant lastJoinAttempt = Instant.EPOCH;
    private List<LeaderTarget> retryJoin = List.of();
    private int nextJoinTarget;

    ClusterCoordinator(Core core, HaBackend ha, Clock clock) {
        this.core = core;
        this.ha = ha;
        this.clock = clock;
    }

    void start(List<LeaderTarget> retryJoinTargets) {
        this.retryJoin = List.copyOf(retryJoinTargets);
        ha.addLeadershipListener(this::poke);
        ha.addStoreReplacedListener(() -> executor.execute(this::storeReplaced));
        executor.scheduleWithFixedDelay(this::reconcile, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Re-checks the node's role soon, on the coordinator thread. */
    void poke() {
        try {
            executor.execute(this::reconcile);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // shutting down
        }
    }

    private void storeReplaced() {
        try {
            core.storeReplaced();
        } catch (RuntimeException e) {
            log("reloading after a snapshot restore failed", e);
        }
    }

    private void reconcile() {
        try {
            if (!ha.isMember()) {
                retryJoin();
                return;
            }
            boolean leader = ha.isLeader();
            if (!core.isUnsealed()) {
                if (leader) {
                    handOff();
                }
                return;
            }
            if (leader && !core.isActive()) {
                core.tryActivate();
            } else if (!leader && core.isActive()) {
                core.deactivate();
            }
        } catch (RuntimeException e) {
            log("cluster role check failed", e);
        }
    }

    /** A sealed leader cannot serve: pass leadership on to the next member in id order. */
    private void handOff() {
        Instant now = clock.instant();
        if (now.isBefore(lastHandOff.plus(HAND_OFF_INTERVAL))) {
            return;
        }
        List<String> voters = ha.configuration().servers().stream().filter(s -> s.voter())
                .map(s -> s.nodeId()).sorted().toList();
        if (voters.size() < 2) {
            return;
        }
        lastHandOff = now;
        int self = voters.indexOf(ha.nodeId());
        String next = voters.get((self + 1) % voters.size());
        LOG.log(Level.INFO, "node {0} leads while sealed; handing leadership to {1}", ha.nodeId(), next);
        ha.transferLeadership(next, TRANSFER_TIMEOUT);
    }

    private void retryJoin() {
        if (retryJoin.isEmpty() || core.isInitialized()) {
            return;
        }
        Instant now = clock.instant();
        if (now.isBefore(lastJoinAttempt.plus(RETRY_JOIN_INTERVAL))) {
            return;
        }
        lastJoinAttempt = now;
        LeaderTarget target = retryJoin.get(nextJoinTarget++ % retryJoin.size());
        try {
            core.join(target, false);
            LOG.log(Level.INFO, "retry_join: {0} answered with a join challenge; unseal this node with the cluster''s keys",
                    target.apiAddress());
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "retry_join: {0}: {1}", target.apiAddress(), e.getMessage());
        }
    }

    /** Hands leadership to another member now ({@code sys/step-down}). */
    void stepDown() {
        if (!ha.transferLeadership(TRANSFER_TIMEOUT)) {
            LOG.log(Level.INFO, "step-down: no other member took leadership");
        }
        poke();
    }

    /** Writes where this node serves, as the active node, in one batch. */
    void advertise(SecurityBarrier barrier, StoredJson json, ClusterSettings cluster) {
        String now = clock.instant().toString();
        barrier.applyBatch(List.of(
                StorageChange.put(new StorageEntry(LeaderAdvertisement.PATH, json.encode(LeaderAdvertisement.of(
                        ha.nodeId(), cluster.apiAddress(), cluster.clusterAddress(), now)))),
                StorageChange.put(new StorageEntry(NodeAdvertisement.PREFIX + ha.nodeId(), json.encode(
                        NodeAdvertisement.of(ha.nodeId(), cluster.apiAddress(), cluster.clusterAddress(),
                                CofferVersion.VERSION))))));
    }

    /**
     * The stored advertisement of the active node, if it belongs to the current Raft leader (a
     * record left by an earlier leader is not trusted). While a leader is known but its record has
     * not arrived yet, waits up to {@link #ADVERTISEMENT_WAIT} for it. Reloads the keyring once
     * when the record was written under a term this standby does not know yet.
     */
    Optional<LeaderAdvertisement> leaderAdvertisement(SecurityBarrier barrier, StoredJson json) {
        long deadline = System.nanoTime() + ADVERTISEMENT_WAIT.toNanos();
        while (true) {
            Optional<Peer> leader = ha.leader();
            if (leader.isEmpty()) {
                return Optional.empty();
            }
            Optional<LeaderAdvertisement> a = storedAdvertisement(barrier, json, leader.get().id());
            if (a.isPresent() || System.nanoTime() > deadline) {
                return a;
            }
            // a new leader's record reaches this standby with the next replicated entries
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private Optional<LeaderAdvertisement> storedAdvertisement(SecurityBarrier barrier, StoredJson json, String leaderId) {
        LeaderAdvertisement a;
        try {
            a = json.read(barrier, LeaderAdvertisement.PATH, LeaderAdvertisement.class);
        } catch (RuntimeException unknownTerm) {
            try {
                barrier.reloadKeyring();
                a = json.read(barrier, LeaderAdvertisement.PATH, LeaderAdvertisement.class);
            } catch (Exception e) {
                return Optional.empty();
            }
        }
        if (a == null || !a.nodeId().equals(leaderId)) {
            return Optional.empty();
        }
        return Optional.of(a);
    }

    void log(String what, RuntimeException e) {
        LOG.log(Level.WARNING, "{0} on node {1}: {2}", what, ha.nodeId(), e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
