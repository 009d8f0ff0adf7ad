package io.coffer.core;

import io.coffer.builtin.BuiltinRegistry;
import io.coffer.core.barrier.AesGcmBarrier;
import io.coffer.core.barrier.BarrierKeyException;
import io.coffer.core.barrier.SecurityBarrier;
import io.coffer.core.ha.ClusterMembership;
import io.coffer.core.ha.ClusterSettings;
import io.coffer.core.ha.HaBackend;
import io.coffer.core.ha.JoinChallenge;
import io.coffer.core.ha.JoinChallenges;
import io.coffer.core.ha.LeaderStatus;
import io.coffer.core.ha.LeaderTarget;
import io.coffer.core.ha.NodeRole;
import io.coffer.core.ha.StandbyException;
import io.coffer.core.physical.PhysicalBackend;
import io.coffer.core.audit.AuditBroker;
import io.coffer.core.audit.AuditInput;
import io.coffer.core.seal.InitRequest;
import io.coffer.core.seal.InitResult;
import io.coffer.core.seal.PgpEncryptor;
import io.coffer.core.seal.Rekey;
import io.coffer.core.seal.RekeyStatus;
import io.coffer.core.seal.SealStatus;
import io.coffer.core.seal.ShamirSeal;
import io.coffer.core.storage.StorageTrees;
import io.coffer.core.storage.StoredJson;
import io.coffer.core.token.TokenCreateRequest;
import io.coffer.core.token.TokenEntry;
import io.coffer.crypto.SecretBytes;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.StorageEntry;
import io.coffer.sdk.logical.exception.InternalException;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;
import io.coffer.sdk.logical.exception.SealedException;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One Coffer node's core: its seal lifecycle (uninitialised → sealed → unsealed: active or
 * standby) and, while active, the request pipeline. Requests hold a read lock; sealing,
 * activation and deactivation take the write lock, so they wait for in-flight requests and no
 * request runs half-sealed or against a half-built state.
 *
 * <p>Without clustered storage an unsealed node is always active. On {@link HaBackend}
 * storage (Raft) a node is active only while it is unsealed and the ready Raft leader; each
 * activation builds the whole {@link UnsealedState} anew from storage (mounts, policies,
 * tokens, caches), so nothing a previous term cached can be stale. {@link ClusterCoordinator}
 * watches leadership, and {@link ClusterJoin} runs the join handshake.
 */
public final class Core {
    private static final String FORWARDING_KEY_PATH = "core/forwarding-key";

    private final PhysicalBackend physical;
    private final BuiltinRegistry registry;
    private final Clock clock;
    private final SecureRandom random;
    private final StoredJson json = new StoredJson();
    private final SecurityBarrier barrier;
    private final ShamirSeal seal;
    private final PgpEncryptor pgp;
    private final Rekey rekey;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final HaBackend ha;
    private final ClusterSettings cluster;
    private final ClusterJoin joining;
    private final ClusterCoordinator coordinator;
    /** The forwarding key once read (see {@link #forwardingKey}); cleared on seal and restore. */
    private volatile byte[] forwardingKey;
    /** Whether the barrier is open (unsealed); the node is then active or standby. */
    private volatile boolean unsealed;
    /** The serving state; non-null only while active. */
    private volatile UnsealedState state;
    private volatile Instant activeSince;
    private volatile boolean initialized;

    public Core(PhysicalBackend physical, BuiltinRegistry registry, Clock clock, SecureRandom random) {
        this(physical, registry, clock, random, ClusterSettings.none());
    }

    /**
     * A core on {@code physical}; when that is {@link HaBackend} storage, {@code cluster} says how
     * this node presents itself and joins. Call {@link #start()} to begin watching leadership.
     */
    public Core(PhysicalBackend physical, BuiltinRegistry registry, Clock clock, SecureRandom random,
                ClusterSettings cluster) {
        this.cluster = cluster;
        this.ha = physical instanceof HaBackend h ? h : null;
        this.physical = physical;
        this.registry = registry;
        this.clock = clock;
        this.random = random;
        this.barrier = new AesGcmBarrier(physical, random, clock);
        this.seal = new ShamirSeal(physical, json, random);
        this.pgp = new PgpEncryptor(random);
        this.rekey = new Rekey(seal, pgp);
        this.joining = ha == null ? null : new ClusterJoin(ha, cluster, seal, barrier, physical, random, clock);
        this.coordinator = ha == null ? null : new ClusterCoordinator(this, ha, clock);
    }

    /** Starts the background cluster work: following leadership and {@code retry_join}. */
    public void start() {
        if (coordinator != null) {
            coordinator.start(cluster.retryJoin());
        }
    }

    /** Stops the background cluster work and seals; idempotent. */
    public void close() {
        if (coordinator != null) {
            coordinator.close();
        }
        seal();
    }

    /**
     * Whether the node holds a seal configuration, or a pending join brought one. Once true it
     * stays true (a seal configuration is never removed), so it is read from storage only until
     * then: the HTTP edge asks on every request.
     */
    public boolean isInitialized() {
        if (initialized) {
            return true;
        }
        if (seal.config() != null) {
            initialized = true;
            return true;
        }
        return joining != null && joining.pendingConfig() != null;
    }

    public boolean isSealed() {
        return !unsealed;
    }

    /** This node's place in the lifecycle: uninitialised, sealed, standby or active. */
    public NodeRole role() {
        if (!isInitialized()) {
            return NodeRole.UNINITIALIZED;
        }
        if (!unsealed) {
            return NodeRole.SEALED;
        }
        return state == null ? NodeRole.STANDBY : NodeRole.ACTIVE;
    }

    /** Whether the storage is clustered (Raft). */
    public boolean haEnabled() {
        return ha != null;
    }

    public String storageType() {
        return physical.type();
    }

    /** The cluster's stable id, stored in the barrier at init; empty while sealed. */
    public String clusterId() {
        UnsealedState s = state;
        if (s != null) {
            return s.clusterId;
        }
        if (!unsealed) {
            return "";
        }
        try {
            return UnsealedState.storedClusterId(barrier);
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * Initialises a new cluster: keyring, root key, seal config, built-in mounts, the default
     * policy and a root token. The node is left sealed.
     */
    public InitResult initialize(int shares, int threshold) {
        return initialize(InitRequest.of(shares, threshold));
    }

    /**
     * Initialises a new cluster as {@link #initialize(int, int)} does; with PGP keys, each share
     * (in hex) and the root token are returned encrypted to the given keys.
     */
    public InitResult initialize(InitRequest request) {
        lock.writeLock().lock();
        try {
            if (isInitialized()) {
                throw new InvalidRequestException("Vault is already initialized");
            }
            ShamirSeal.validate(request.shares(), request.threshold());
            if (!request.pgpKeys().isEmpty() && request.pgpKeys().size() != request.shares()) {
                throw new InvalidRequestException("count mismatch between number of provided PGP keys and number of shares");
            }
            for (int i = 0; i < request.pgpKeys().size(); i++) {
                pgp.validate(request.pgpKeys().get(i), i);
            }
            if (!request.rootTokenPgpKey().isEmpty()) {
                pgp.validate(request.rootTokenPgpKey(), 0);
            }
            if (joining != null && joining.pendingConfig() != null) {
                throw new InvalidRequestException("this node is joining a cluster; unseal it with the cluster's keys");
            }
            if (ha != null) {
                ha.bootstrap();
            }
            discardPartialInit();
            try (SecretBytes rootKey = SecretBytes.random(random, 32)) {
                String rootToken = bootstrap(rootKey);
                if (!request.rootTokenPgpKey().isEmpty()) {
                    rootToken = java.util.Base64.getEncoder().encodeToString(
                            pgp.encrypt(rootToken.getBytes(java.nio.charset.StandardCharsets.UTF_8), request.rootTokenPgpKey(), 0));
                }
                List<byte[]> keys = seal.initialize(rootKey, request.shares(), request.threshold());
                return new InitResult(pgp.encryptShares(keys, request.pgpKeys()), rootToken);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Writes the keyring, the built-in mounts, the default policy and a root token. */
    private String bootstrap(SecretBytes rootKey) {
        barrier.initialize(rootKey);
        try {
            barrier.unseal(rootKey);
        } catch (BarrierKeyException e) {
            throw new InternalException("freshly initialised barrier did not open");
        }
        UnsealedState fresh = new UnsealedState(barrier, registry, json, clock, random, ha);
        try {
            fresh.start();
            ensureForwardingKey();
            return createRootToken(fresh, "");
        } finally {
            fresh.close();
            barrier.seal();
        }
    }

    /**
     * Removes what an init that died before writing the seal configuration left behind: without
     * that configuration nothing it wrote could ever be unsealed, so it is garbage.
     */
    private void discardPartialInit() {
        if (barrier.isInitialized()) {
            StorageTrees.deleteTree(physical, "");
        }
    }

    /** Starts a rekey to new shares and threshold; the node must be unsealed. */
    public RekeyStatus rekeyInit(int shares, int threshold, List<String> pgpKeys) {
        requireUnsealed();
        return rekey.init(shares, threshold, pgpKeys);
    }

    public RekeyStatus rekeyStatus() {
        requireUnsealed();
        return rekey.status();
    }

    public void rekeyCancel() {
        requireUnsealed();
        rekey.cancel();
    }

    /** Submits one current share to the pending rekey. */
    public RekeyStatus rekeyUpdate(byte[] share, String nonce) {
        lock.readLock().lock();
        try {
            requireUnsealed();
            return rekey.update(share, nonce);
        } finally {
            lock.readLock().unlock();
        }
    }

    private void requireUnsealed() {
        active();
    }

    /** The serving state, or the reason there is none: sealed, or a standby (with the active node's address). */
    private UnsealedState active() {
        UnsealedState s = state;
        if (s != null) {
            return s;
        }
        if (unsealed && ha != null) {
            throw new StandbyException(activeAddress());
        }
        throw new SealedException();
    }

    /**
     * Adds one unseal key share; unseals once the threshold is reached. On a node with a pending
     * join the shares are the cluster's: reaching the threshold answers the leader's challenge,
     * joins, and waits until the cluster's data has arrived.
     */
    public SealStatus unseal(byte[] share) {
        lock.writeLock().lock();
        try {
            if (joining != null && joining.pendingConfig() != null && seal.config() == null) {
                SecretBytes rootKey = joining.submit(share);
                if (rootKey != null) {
                    try (rootKey) {
                        openBarrier(rootKey);
                    }
                }
                return sealStatus();
            }
            if (!isInitialized()) {
                throw new InvalidRequestException("Vault is not initialized");
            }
            if (unsealed) {
                return sealStatus();
            }
            SecretBytes rootKey = seal.submit(share);
            if (rootKey != null) {
                try (rootKey) {
                    openBarrier(rootKey);
                }
            }
            return sealStatus();
        } finally {
            lock.writeLock().unlock();
            if (coordinator != null && unsealed) {
                coordinator.poke();
            }
        }
    }

    /** Opens the barrier and, without HA or on the leader, becomes active at once. Write lock held. */
    private void openBarrier(SecretBytes rootKey) {
        try {
            barrier.unseal(rootKey);
        } catch (BarrierKeyException e) {
            throw new InvalidRequestException("Error unsealing: unseal key is not valid");
        }
        unsealed = true;
        if (ha == null) {
            activateLocked();
        } else if (ha.isLeader()) {
            try {
                activateLocked();
            } catch (RuntimeException e) {
                // stays standby; the coordinator retries while this node leads
                coordinator.log("activation after unseal failed", e);
            }
        }
    }

    /**
     * Builds the serving state from storage and advertises this node as the active one. Write
     * lock held; on failure nothing is left half-built.
     */
    private void activateLocked() {
        if (ha != null) {
            try {
                barrier.reloadKeyring();
            } catch (BarrierKeyException e) {
                sealLocked();
                throw new InternalException("the stored keyring does not open with this node's root key; node sealed");
            }
        }
        UnsealedState next = new UnsealedState(barrier, registry, json, clock, random, ha);
        try {
            next.start();
            ensureForwardingKey();
            if (ha != null) {
                coordinator.advertise(barrier, json, cluster);
            }
        } catch (RuntimeException e) {
            next.close();
            throw e;
        }
        state = next;
        activeSince = clock.instant();
    }

    /** Becomes active if this node is unsealed, not active and the ready leader. */
    void tryActivate() {
        lock.writeLock().lock();
        try {
            if (unsealed && state == null && ha.isLeader()) {
                activateLocked();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Drops the serving state (after losing leadership); the node stays unsealed as a standby. */
    void deactivate() {
        lock.writeLock().lock();
        try {
            UnsealedState s = state;
            state = null;
            activeSince = null;
            if (s != null) {
                s.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * After a restored snapshot replaced the store: reload the keyring (sealing when it no longer
     * opens, i.e. another cluster's snapshot was forced in) and rebuild the serving state.
     */
    void storeReplaced() {
        lock.writeLock().lock();
        try {
            forwardingKey = null;
            if (!unsealed) {
                return;
            }
            boolean wasActive = state != null;
            UnsealedState s = state;
            state = null;
            if (s != null) {
                s.close();
            }
            try {
                barrier.reloadKeyring();
            } catch (BarrierKeyException e) {
                sealLocked();
                return;
            }
            if (wasActive && ha.isLeader()) {
                activateLocked();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    boolean isUnsealed() {
        return unsealed;
    }

    boolean isActive() {
        return state != null;
    }

    /** Discards the shares of the current unseal attempt. */
    public SealStatus resetUnseal() {
        if (unsealed) {
            throw new InvalidRequestException("vault is unsealed");
        }
        seal.reset();
        return sealStatus();
    }

    public SealStatus sealStatus() {
        if (joining != null && seal.config() == null && joining.pendingConfig() != null) {
            return seal.status(true, joining.pendingConfig());
        }
        return seal.status(!unsealed);
    }

    /** Seals this node after in-flight requests finish; idempotent. */
    public void seal() {
        lock.writeLock().lock();
        try {
            sealLocked();
        } finally {
            lock.writeLock().unlock();
        }
        if (coordinator != null) {
            coordinator.poke();
        }
    }

    private void sealLocked() {
        forwardingKey = null;
        UnsealedState s = state;
        state = null;
        activeSince = null;
        unsealed = false;
        if (s != null) {
            s.close();
        }
        barrier.seal();
        seal.reset();
        rekey.cancel();
    }

    /**
     * Seals on behalf of the bearer of {@code token} (calling from {@code remoteAddress}), who
     * needs {@code update} and {@code sudo} on {@code sys/seal}. The request is audited before
     * the node seals (there is no response entry: the devices close with the seal). A node
     * already sealed answers as a no-op; a standby refuses, as Vault does (it serves no tokens).
     */
    public void sealAuthorized(String token, String remoteAddress) {
        if (authorizeAudited(token, remoteAddress, "sys/seal", Operation.UPDATE) != null) {
            seal();
        }
    }

    /**
     * Checks the bearer of {@code token} for the special routes that do not pass through the
     * request pipeline (seal, step-down, snapshots) exactly as the pipeline would: the token
     * must be valid, usable from {@code remoteAddress} (its CIDR binding) and hold
     * {@code operation} and {@code sudo} on {@code path}; one of its uses is spent (a token
     * revoked with its last one). The request's audit entry is written first: a refusal is
     * logged best effort, an admitted request must be logged by a device or it is refused
     * (fail closed).
     *
     * @return the admitted call, for its response entry; {@code null} when the node is sealed
     * @throws PermissionDeniedException when the token is invalid here or lacks the grant
     * @throws StandbyException          on a standby (the edge forwards such requests)
     * @throws InternalException         for {@code sys/seal} on a standby
     */
    private AuditedCall authorizeAudited(String token, String remoteAddress, String path, Operation operation) {
        lock.readLock().lock();
        try {
            if (!unsealed) {
                return null;
            }
            UnsealedState s = state;
            if (s == null) {
                if (path.equals("sys/seal")) {
                    throw new InternalException("vault cannot seal when in standby mode; please restart instead");
                }
                throw new StandbyException(activeAddress());
            }
            Request req = new Request(UUID.randomUUID().toString(), operation, path, "", Map.of(),
                    Request.Caller.ANONYMOUS, null, remoteAddress);
            TokenEntry entry = s.pipeline.presented(token, remoteAddress);
            TokenEntry used;
            try {
                if (entry == null) {
                    throw PermissionDeniedException.invalidToken();
                }
                if (!s.pipeline.authorize(req, entry).sudo()) {
                    throw PermissionDeniedException.denied();
                }
                used = s.tokens.use(entry);
            } catch (PermissionDeniedException e) {
                s.audit.logRejected(AuditInput.of(req, token, entry, null).withError(e));
                throw e;
            }
            AuditInput audited = AuditInput.of(req, token, entry, null);
            try {
                s.audit.logRequest(audited);
            } finally {
                if (used.numUses() < 0) {
                    s.tokens.revokeTree(used);
                }
            }
            return new AuditedCall(audited, s.audit);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A special route's admitted request and the devices that logged it. */
    private record AuditedCall(AuditInput input, AuditBroker devices) {
    }

    /**
     * Writes the response entry of a special route's request through the devices that logged the
     * request, as long as the serving state they belong to is still the current one.
     */
    private void auditOutcome(AuditedCall call, RuntimeException failure) {
        lock.readLock().lock();
        try {
            UnsealedState s = state;
            if (s != null && s.audit == call.devices()) {
                AuditInput in = call.input();
                s.audit.logResponse(failure == null ? in.withResponse(Response.noContent()) : in.withError(failure));
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The cluster's forwarding key: 32 random bytes in the barrier with which a standby vouches
     * for the client address of a request it forwards (the HTTP edge's
     * {@code ForwardedClients}). Made by the first activation; empty while sealed or before.
     * Cached until the node seals; a copy is returned.
     */
    public Optional<byte[]> forwardingKey() {
        byte[] cached = forwardingKey;
        if (cached != null) {
            return Optional.of(cached.clone());
        }
        lock.readLock().lock();
        try {
            if (!unsealed) {
                return Optional.empty();
            }
            StorageEntry e = barrier.get(FORWARDING_KEY_PATH);
            if (e == null) {
                return Optional.empty();
            }
            forwardingKey = e.value().clone();
            return Optional.of(e.value());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Makes the forwarding key once per cluster (on the active node, which may write). */
    private void ensureForwardingKey() {
        if (barrier.get(FORWARDING_KEY_PATH) == null) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            barrier.put(new StorageEntry(FORWARDING_KEY_PATH, key));
        }
    }

    /** Handles a logical request for the bearer of {@code token}. */
    public Response handle(Request request, String token) {
        lock.readLock().lock();
        try {
            UnsealedState s = active();
            try {
                return s.pipeline.handle(request, token);
            } catch (RuntimeException e) {
                if (ha != null && !ha.isLeader()) {
                    // leadership moved while the request ran; its writes were refused
                    throw new StandbyException(activeAddress());
                }
                throw e;
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Creates a root token, with {@code id} when given (dev mode's {@code -dev-root-token-id}).
     * Only for bootstrap code paths; the node must be unsealed.
     */
    public String createRootToken(String id) {
        lock.readLock().lock();
        try {
            return createRootToken(active(), id);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Revokes a token by id; for bootstrap code that replaces the generated root token. */
    public void revokeToken(String id) {
        lock.readLock().lock();
        try {
            UnsealedState s = active();
            TokenEntry e = s.tokens.lookup(id);
            if (e != null) {
                s.tokens.revokeTree(e);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    private static String createRootToken(UnsealedState s, String id) {
        return s.tokens.create(new TokenCreateRequest(id, "", List.of("root"), null, "root", 0, 0, 0, 0, false,
                "auth/token/root", "", "")).entry().id();
    }
    // ---- clustering ----

    /**
     * What {@code sys/leader} reports.
     *
     * @throws SealedException on a sealed node with HA storage
     */
    public LeaderStatus leaderStatus() {
        if (ha == null) {
            return LeaderStatus.disabled();
        }
        if (!unsealed) {
            throw new SealedException();
        }
        Instant since = activeSince;
        if (state != null && since != null) {
            return new LeaderStatus(true, true, Optional.of(since), cluster.apiAddress(), cluster.clusterAddress(),
                    ha.committedIndex(), ha.appliedIndex());
        }
        return coordinator.leaderAdvertisement(barrier, json)
                .map(a -> new LeaderStatus(true, false, Optional.of(Instant.parse(a.activeTime())), a.apiAddress(),
                        a.clusterAddress(), ha.committedIndex(), ha.appliedIndex()))
                .orElseGet(() -> new LeaderStatus(true, false, Optional.empty(), "", "", ha.committedIndex(),
                        ha.appliedIndex()));
    }

    /** The active node's API address, when this node is an unsealed standby and knows it. */
    public Optional<String> activeAddress() {
        if (ha == null || !unsealed || state != null) {
            return Optional.empty();
        }
        return coordinator.leaderAdvertisement(barrier, json).map(a -> a.apiAddress());
    }

    /**
     * {@code sys/step-down}: checks the token's sudo grant, then (on an active HA node) hands
     * leadership to another node. A no-op without HA or while sealed.
     *
     * @throws StandbyException on a standby (the edge forwards it to the active node)
     */
    public void stepDown(String token, String remoteAddress) {
        if (authorizeAudited(token, remoteAddress, "sys/step-down", Operation.UPDATE) == null || ha == null) {
            return;
        }
        active();
        coordinator.stepDown();
    }

    /**
     * {@code GET sys/storage/raft/snapshot}: checks the token's sudo grant and streams a snapshot
     * of the store, values encrypted as stored.
     */
    public void saveSnapshot(String token, String remoteAddress, OutputStream out) {
        requireRaft();
        AuditedCall audited = authorizeAudited(token, remoteAddress, "sys/storage/raft/snapshot", Operation.READ);
        if (audited == null) {
            throw new SealedException();
        }
        active();
        try {
            ha.saveSnapshot(out);
        } catch (RuntimeException e) {
            auditOutcome(audited, e);
            throw e;
        }
        auditOutcome(audited, null);
    }

    /**
     * {@code POST sys/storage/raft/snapshot[-force]}: checks the token's sudo grant, verifies
     * the snapshot, refuses one whose keyring this cluster's root key cannot open unless
     * {@code force}, and restores it on every member.
     */
    public void restoreSnapshot(String token, String remoteAddress, InputStream in, boolean force) {
        requireRaft();
        AuditedCall audited = authorizeAudited(token, remoteAddress,
                force ? "sys/storage/raft/snapshot-force" : "sys/storage/raft/snapshot", Operation.UPDATE);
        if (audited == null) {
            throw new SealedException();
        }
        active();
        try {
            new SnapshotRestore(ha, barrier, random, clock).restore(in, force);
        } catch (RuntimeException e) {
            auditOutcome(audited, e);
            throw e;
        }
        // a restore rebuilds (or, forced, seals) the serving state: the devices that logged the
        // request are then gone, and there is no response entry
        auditOutcome(audited, null);
    }

    /**
     * {@code sys/storage/raft/join} on the joining node: asks the leader for a challenge; the
     * join completes when this node is unsealed with the cluster's shares. An initialised node
     * answers true as a no-op.
     */
    public boolean join(LeaderTarget leader, boolean nonVoter) {
        requireRaft();
        if (seal.config() != null || ha.isMember()) {
            return true;
        }
        joining.requestChallenge(leader, nonVoter);
        return true;
    }

    /** {@code sys/storage/raft/bootstrap/challenge} on the active node. */
    public JoinChallenge joinChallenge(String nodeId) {
        requireRaft();
        lock.readLock().lock();
        try {
            active();
            return joining.challenge(nodeId);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** {@code sys/storage/raft/bootstrap/answer} on the active node: verifies and adds the node. */
    public ClusterMembership joinAnswer(String nodeId, byte[] answer, String clusterAddress, String apiAddress,
                                        boolean nonVoter) {
        requireRaft();
        lock.readLock().lock();
        try {
            active();
            return joining.admit(nodeId, answer, clusterAddress, apiAddress, nonVoter, json);
        } finally {
            lock.readLock().unlock();
        }
    }

    private void requireRaft() {
        if (ha == null) {
            throw new InvalidRequestException("raft storage is not in use");
        }
    }
}
