package io.coffer.core;

import io.coffer.builtin.BuiltinRegistry;
import io.coffer.core.barrier.AesGcmBarrier;
import io.coffer.core.barrier.BarrierKeyException;
import io.coffer.core.barrier.SecurityBarrier;
import io.coffer.core.physical.PhysicalBackend;
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
import io.coffer.sdk.logical.exception.InternalException;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;
import io.coffer.sdk.logical.exception.SealedException;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One Coffer node's core: its seal lifecycle (uninitialised → sealed → unsealed) and, while
 * unsealed, the request pipeline. Requests hold a read lock, sealing takes the write lock, so a
 * seal waits for in-flight requests and no request runs half-sealed.
 */
public final class Core {
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
    private volatile UnsealedState state;

    public Core(PhysicalBackend physical, BuiltinRegistry registry, Clock clock, SecureRandom random) {
        this.physical = physical;
        this.registry = registry;
        this.clock = clock;
        this.random = random;
        this.barrier = new AesGcmBarrier(physical, random, clock);
        this.seal = new ShamirSeal(physical, json, random);
        this.pgp = new PgpEncryptor(random);
        this.rekey = new Rekey(seal, pgp);
    }

    public boolean isInitialized() {
        return seal.config() != null;
    }

    public boolean isSealed() {
        return state == null;
    }

    public String storageType() {
        return physical.type();
    }

    /** The cluster's stable id, stored in the barrier at init; empty while sealed. */
    public String clusterId() {
        UnsealedState s = state;
        return s == null ? "" : s.clusterId;
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
        UnsealedState fresh = new UnsealedState(barrier, registry, json, clock, random);
        try {
            fresh.start();
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
        if (state == null) {
            throw new SealedException();
        }
    }

    /** Adds one unseal key share; unseals once the threshold is reached. */
    public SealStatus unseal(byte[] share) {
        lock.writeLock().lock();
        try {
            if (!isInitialized()) {
                throw new InvalidRequestException("Vault is not initialized");
            }
            if (state != null) {
                return sealStatus();
            }
            SecretBytes rootKey = seal.submit(share);
            if (rootKey != null) {
                try (rootKey) {
                    barrier.unseal(rootKey);
                } catch (BarrierKeyException e) {
                    throw new InvalidRequestException("Error unsealing: unseal key is not valid");
                }
                UnsealedState next = new UnsealedState(barrier, registry, json, clock, random);
                next.start();
                state = next;
            }
            return sealStatus();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Discards the shares of the current unseal attempt. */
    public SealStatus resetUnseal() {
        if (state != null) {
            throw new InvalidRequestException("vault is unsealed");
        }
        seal.reset();
        return sealStatus();
    }

    public SealStatus sealStatus() {
        return seal.status(state == null);
    }

    /** Seals this node after in-flight requests finish; idempotent. */
    public void seal() {
        lock.writeLock().lock();
        try {
            UnsealedState s = state;
            state = null;
            if (s != null) {
                s.close();
            }
            barrier.seal();
            seal.reset();
            rekey.cancel();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Seals on behalf of the bearer of {@code token}, who needs {@code update} and {@code sudo}
     * on {@code sys/seal}. A node already sealed answers as a no-op.
     */
    public void sealAuthorized(String token) {
        if (authorizeSudo(token, "sys/seal")) {
            seal();
        }
    }

    /**
     * Checks that the bearer of {@code token} has {@code update} and {@code sudo} on
     * {@code path}; returns false when the node is sealed (nothing to authorise against).
     *
     * @throws PermissionDeniedException when the token is invalid or lacks the grant
     */
    public boolean authorizeSudo(String token, String path) {
        lock.readLock().lock();
        try {
            UnsealedState s = state;
            if (s == null) {
                return false;
            }
            TokenEntry entry = s.tokens.lookup(token);
            if (entry == null) {
                throw PermissionDeniedException.invalidToken();
            }
            Request req = Request.of(UUID.randomUUID().toString(), Operation.UPDATE, path, Map.of());
            if (!s.pipeline.authorize(req, entry).sudo()) {
                throw PermissionDeniedException.denied();
            }
            return true;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Handles a logical request for the bearer of {@code token}. */
    public Response handle(Request request, String token) {
        lock.readLock().lock();
        try {
            UnsealedState s = state;
            if (s == null) {
                throw new SealedException();
            }
            return s.pipeline.handle(request, token);
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
            UnsealedState s = state;
            if (s == null) {
                throw new SealedException();
            }
            return createRootToken(s, id);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Revokes a token by id; for bootstrap code that replaces the generated root token. */
    public void revokeToken(String id) {
        lock.readLock().lock();
        try {
            UnsealedState s = state;
            if (s == null) {
                throw new SealedException();
            }
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
    // ---- HA surface (stubs for the HTTP edge; implemented with Raft storage) ----

    /** This node's place in the lifecycle: uninitialised, sealed, standby or active. */
    public io.coffer.core.ha.NodeRole role() {
        if (!isInitialized()) {
            return io.coffer.core.ha.NodeRole.UNINITIALIZED;
        }
        return state == null ? io.coffer.core.ha.NodeRole.SEALED : io.coffer.core.ha.NodeRole.ACTIVE;
    }

    /** Whether the storage is clustered (Raft). */
    public boolean haEnabled() {
        return physical instanceof io.coffer.core.ha.HaBackend;
    }

    /**
     * What {@code sys/leader} reports.
     *
     * @throws SealedException on a sealed node with HA storage
     */
    public io.coffer.core.ha.LeaderStatus leaderStatus() {
        return io.coffer.core.ha.LeaderStatus.disabled();
    }

    /** The active node's API address, when this node is a standby and knows it. */
    public java.util.Optional<String> activeAddress() {
        return java.util.Optional.empty();
    }

    /**
     * {@code sys/step-down}: checks the token's sudo grant, then (on an active HA node) hands
     * leadership to another node. A no-op without HA or while sealed.
     */
    public void stepDown(String token) {
        authorizeSudo(token, "sys/step-down");
    }

    /**
     * {@code GET sys/storage/raft/snapshot}: checks the token's sudo grant and streams a snapshot.
     *
     * @throws InvalidRequestException without Raft storage ({@code raft storage is not in use})
     */
    public void saveSnapshot(String token, java.io.OutputStream out) {
        throw new InvalidRequestException("raft storage is not in use");
    }

    /**
     * {@code POST sys/storage/raft/snapshot[-force]}: checks the token's sudo grant, verifies the
     * snapshot, refuses one from another cluster unless {@code force}, and restores it.
     */
    public void restoreSnapshot(String token, java.io.InputStream in, boolean force) {
        throw new InvalidRequestException("raft storage is not in use");
    }

    /**
     * {@code sys/storage/raft/join} on the joining node: asks the leader for a challenge; the
     * join completes when this node is unsealed with the cluster's shares. Returns whether the
     * node joined or will join (an initialised node answers true, as a no-op).
     */
    public boolean join(io.coffer.core.ha.LeaderTarget leader, boolean nonVoter) {
        throw new InvalidRequestException("raft storage is not in use");
    }

    /** {@code sys/storage/raft/bootstrap/challenge} on the active node. */
    public io.coffer.core.ha.JoinChallenge joinChallenge(String nodeId) {
        throw new InvalidRequestException("raft storage is not in use");
    }

    /** {@code sys/storage/raft/bootstrap/answer} on the active node: verifies and adds the node. */
    public io.coffer.core.ha.ClusterMembership joinAnswer(String nodeId, byte[] answer, String clusterAddress,
                                                         boolean nonVoter) {
        throw new InvalidRequestException("raft storage is not in use");
    }
}
