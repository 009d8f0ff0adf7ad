package io.coffer.core.token;

import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The token lifecycle: create with Vault's TTL rules, look up (expired or used-up tokens are
 * invalid even before the expiry sweep runs), count uses, renew, and revoke with or without
 * the children. State lives only in the {@link TokenRepository}'s storage, which also holds the
 * token roles ({@link #roles()}); lookups by salted id serve the token leases of
 * {@code sys/leases}.
 *
 * <p>Batch tokens ({@link BatchTokens}) are the exception: the token is its own encrypted
 * record and nothing is stored. They have no accessor, uses, renewals or children; they are
 * valid until they expire and only while their parent (if any) is, and cannot be revoked
 * otherwise.
 */
public final class TokenStore {
    private final TokenRepository repository;
    private final TokenIds ids;
    private final BatchTokens batchTokens;
    private final Clock clock;
    private final LongSupplier defaultTtl;
    private final LongSupplier maxTtl;
    private final List<Consumer<TokenEntry>> revocationListeners = new CopyOnWriteArrayList<>();
    private final Object[] stripes = new Object[64];
    private final TokenRoleStore roles;
    private volatile ExpirationScheduler scheduler = entry -> { };
    private volatile EntityAliases entityAliases;

    /**
     * @param defaultTtl the token mount's effective default TTL in seconds
     * @param maxTtl     the token mount's effective max TTL in seconds
     */
    public TokenStore(TokenRepository repository, TokenIds ids, BatchTokens batchTokens, Clock clock,
                      LongSupplier defaultTtl, LongSupplier maxTtl) {
        this.repository = repository;
        this.ids = ids;
        this.batchTokens = batchTokens;
        this.clock = clock;
        this.defaultTtl = defaultTtl;
        this.maxTtl = maxTtl;
        this.roles = repository.roleStore();
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    /** Something that arranges for an entry to be revoked when it expires. */
    @FunctionalInterface
    public interface ExpirationScheduler {
        void schedule(TokenEntry entry);
    }

    /**
     * Finds or creates the identity entity behind an entity alias of the token auth method, for
     * {@code create/<role>} with {@code entity_alias}.
     */
    @FunctionalInterface
    public interface EntityAliases {
        /** The entity id of the alias {@code aliasName}, created on first use. */
        String entityId(String aliasName);
    }

    /** The result of a creation: the entry and any warnings (a capped TTL). */
    public record Created(TokenEntry entry, List<String> warnings) {
    }

    public void setExpirationScheduler(ExpirationScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Lets {@code create/<role>} attach tokens to the entity of an allowed {@code entity_alias}. */
    public void setEntityAliases(EntityAliases aliases) {
        this.entityAliases = aliases;
    }

    /**
     * The entity id for {@code aliasName}.
     *
     * @throws InvalidRequestException when no identity store is attached
     */
    String entityForAlias(String aliasName) {
        EntityAliases aliases = entityAliases;
        if (aliases == null) {
            throw new InvalidRequestException("entity aliases are not supported for token creation yet");
        }
        return aliases.entityId(aliasName);
    }

    /** The token roles ({@code auth/token/roles/<name>}), kept in the token store's view. */
    public TokenRoleStore roles() {
        return roles;
    }

    /** The token mount's effective max TTL in seconds. */
    public long mountMaxTtl() {
        return maxTtl.getAsLong();
    }

    /**
     * The salted HMAC of the entry's id: the key its record is stored under, and what Vault
     * calls the token's salted id (lease ids end in {@code h<salted id>}). Reveals nothing
     * about the token.
     */
    public String saltedId(TokenEntry entry) {
        return repository.hash(entry.id());
    }

    /**
     * The valid entry whose salted id is {@code saltedId}, or {@code null} when unknown, expired
     * (revoked on the way, as {@link #lookup} does) or used up.
     */
    public TokenEntry lookupBySaltedId(String saltedId) {
        TokenEntry entry = repository.byHash(saltedId);
        return entry == null ? null : lookup(entry.id());
    }

    /** Called with each token as it is revoked (cubbyhole cleanup). */
    public void addRevocationListener(Consumer<TokenEntry> listener) {
        revocationListeners.add(listener);
    }

    public Created create(TokenCreateRequest request) {
        if (request.batch()) {
            checkBatch(request);
        }
        long now = nowSeconds();
        List<String> warnings = new ArrayList<>();
        boolean root = request.policies().contains("root");
        long ttl;
        if (request.period() > 0) {
            ttl = request.period();
            if (request.explicitMaxTtl() > 0 && ttl > request.explicitMaxTtl()) {
                ttl = request.explicitMaxTtl();
            }
        } else {
            ttl = request.ttl();
            if (ttl == 0 && !root) {
                ttl = defaultTtl.getAsLong();
            }
            if (request.explicitMaxTtl() > 0 && (ttl == 0 || ttl > request.explicitMaxTtl())) {
                ttl = request.explicitMaxTtl();
            }
            long max = request.maxTtl() > 0 ? request.maxTtl() : maxTtl.getAsLong();
            if (max > 0 && ttl > max) {
                warnings.add("TTL of \"" + ttl + "s\" exceeded the effective max_ttl of \"" + max
                        + "s\"; TTL value is capped accordingly");
                ttl = max;
            }
        }
        if (request.batch()) {
            return new Created(createBatch(request, now, capToParent(request, now, ttl, warnings)), warnings);
        }
        String id = request.id().isEmpty() ? ids.newServiceToken() : request.id();
        // a generated id (143 random bits) cannot collide; only a chosen one is checked
        if (!request.id().isEmpty() && repository.byId(id) != null) {
            throw new InvalidRequestException("cannot create a token with a duplicate ID");
        }
        TokenEntry entry = new TokenEntry(TokenEntry.FORMAT_VERSION, id, ids.newAccessor(), request.parent(),
                request.policies(), request.path(), request.meta(), request.displayName(), request.numUses(), now, ttl,
                request.explicitMaxTtl(), request.period(), request.renewable() && ttl > 0, "service",
                request.entityId(), 0, ttl > 0 ? now + ttl : 0, request.role(), request.boundCidrs(),
                request.maxTtl());
        repository.save(entry);
        scheduler.schedule(entry);
        return new Created(entry, warnings);
    }

    /** Vault's limits on batch tokens, checked before anything else. */
    private static void checkBatch(TokenCreateRequest request) {
        if (request.policies().contains("root")) {
            throw new InvalidRequestException("batch tokens cannot be root tokens");
        }
        if (request.period() > 0) {
            throw new InvalidRequestException("batch tokens cannot be periodic");
        }
        if (request.numUses() > 0) {
            throw new InvalidRequestException("batch tokens cannot have a limited number of uses");
        }
        if (!request.id().isEmpty()) {
            throw new InvalidRequestException("batch tokens cannot have a custom ID");
        }
    }

    /** A batch token never outlives its parent: its TTL ends no later than the parent's. */
    private long capToParent(TokenCreateRequest request, long now, long ttl, List<String> warnings) {
        if (request.parent().isEmpty()) {
            return ttl;
        }
        TokenEntry parent = lookup(request.parent());
        if (parent == null || parent.expireTime() == 0 || now + ttl <= parent.expireTime()) {
            return ttl;
        }
        long capped = Math.max(parent.expireTime() - now, 1);
        warnings.add("TTL of \"" + ttl + "s\" exceeded the parent token's remaining TTL of \"" + capped
                + "s\"; TTL value is capped accordingly");
        return capped;
    }

    private TokenEntry createBatch(TokenCreateRequest request, long now, long ttl) {
        TokenEntry entry = new TokenEntry(TokenEntry.FORMAT_VERSION, "", "", request.parent(), request.policies(),
                request.path(), request.meta(), request.displayName(), 0, now, ttl, request.explicitMaxTtl(), 0, false,
                "batch", request.entityId(), 0, now + ttl, request.role(), request.boundCidrs(), request.maxTtl());
        return batchTokens.issue(entry);
    }

    /** The valid entry for {@code id}, or {@code null} when unknown, expired or used up. */
    public TokenEntry lookup(String id) {
        TokenEntry entry = lookupTainted(id);
        return entry == null || entry.numUses() < 0 ? null : entry;
    }

    /**
     * Like {@link #lookup}, but also returns a token whose last use the current request is
     * spending ({@code numUses} -1, revoked once the request is done), as Vault's tainted lookup
     * does for {@code auth/token/lookup[-self]}; {@code null} when unknown or expired.
     */
    public TokenEntry lookupTainted(String id) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        if (BatchTokens.isBatch(id)) {
            return lookupBatch(id);
        }
        TokenEntry entry = repository.byId(id);
        if (entry == null) {
            return null;
        }
        if (entry.expiredAt(nowSeconds())) {
            revokeTree(entry);
            return null;
        }
        return entry;
    }

    /** A batch token's entry while it is unexpired and its parent (if any) valid; else {@code null}. */
    private TokenEntry lookupBatch(String id) {
        TokenEntry entry = batchTokens.decode(id);
        if (entry == null || entry.expiredAt(nowSeconds())) {
            return null;
        }
        if (!entry.orphan() && lookup(entry.parent()) == null) {
            return null;
        }
        return entry;
    }

    /** The valid entry behind {@code accessor}, or {@code null}. */
    public TokenEntry lookupByAccessor(String accessor) {
        if (accessor == null || accessor.isEmpty()) {
            return null;
        }
        TokenEntry entry = repository.byAccessor(accessor);
        return entry == null ? null : lookup(entry.id());
    }

    /**
     * Spends one use of a limited-use token.
     *
     * @return the entry after the use; its {@code numUses} is -1 when this was the last use, and
     *         the caller revokes it once the request is done
     * @throws PermissionDeniedException when no use is left
     */
    public TokenEntry use(TokenEntry entry) {
        if (entry.numUses() == 0) {
            return entry;
        }
        return spendOne(entry);
    }

    private TokenEntry spendOne(TokenEntry entry) {
        synchronized (lockFor(entry.id())) {
            TokenEntry current = repository.byId(entry.id());
            if (current == null || current.numUses() < 0) {
                throw PermissionDeniedException.invalidToken();
            }
            TokenEntry next = current.withNumUses(current.numUses() == 1 ? -1 : current.numUses() - 1);
            repository.update(next);
            return next;
        }
    }

    /**
     * The lock of one token's entry: uses, renewals and revocation of the same token are
     * serialised, so a renewal or use never writes back an entry that was just revoked.
     */
    private Object lockFor(String id) {
        return stripes[(id.hashCode() & 0x7fffffff) % stripes.length];
    }

    /**
     * Extends a token's life by {@code increment} seconds (0: its creation TTL), within its
     * explicit max and the mount max.
     */
    public Created renew(TokenEntry requested, long increment) {
        if (requested.batch()) {
            throw new InvalidRequestException("batch tokens cannot be renewed");
        }
        synchronized (lockFor(requested.id())) {
            TokenEntry entry = repository.byId(requested.id());
            if (entry == null) {
                throw PermissionDeniedException.invalidToken();
            }
            return renewLocked(entry, increment);
        }
    }

    private Created renewLocked(TokenEntry entry, long increment) {
        if (!entry.renewable()) {
            throw new InvalidRequestException("lease is not renewable");
        }
        long now = nowSeconds();
        List<String> warnings = new ArrayList<>();
        long ttl = entry.period() > 0 ? entry.period() : (increment > 0 ? increment : entry.creationTtl());
        long limit = Long.MAX_VALUE;
        if (entry.explicitMaxTtl() > 0) {
            limit = entry.creationTime() + entry.explicitMaxTtl();
        }
        long max = entry.maxTtl() > 0 ? entry.maxTtl() : maxTtl.getAsLong();
        if (entry.period() == 0 && max > 0) {
            limit = Math.min(limit, entry.creationTime() + max);
        }
        if (limit != Long.MAX_VALUE && now + ttl > limit) {
            if (limit <= now) {
                throw new InvalidRequestException("past the max TTL, cannot renew");
            }
            ttl = limit - now;
            warnings.add("TTL of \"" + (increment > 0 ? increment : entry.creationTtl())
                    + "s\" exceeded the effective max_ttl of \"" + ttl + "s\"; TTL value is capped accordingly");
        }
        TokenEntry renewed = entry.renewed(now, now + ttl);
        repository.update(renewed);
        scheduler.schedule(renewed);
        return new Created(renewed, warnings);
    }

    /**
     * Revokes {@code entry} and, depth first, every descendant.
     *
     * @throws InvalidRequestException for a batch token, which cannot be revoked
     */
    public void revokeTree(TokenEntry entry) {
        refuseBatch(entry);
        for (TokenEntry child : repository.children(entry.id())) {
            revokeTree(child);
        }
        revokeOne(entry);
    }

    /** Revokes {@code entry} only; its children become orphans. Refuses batch tokens. */
    public void revokeOrphan(TokenEntry entry) {
        refuseBatch(entry);
        for (TokenEntry child : repository.children(entry.id())) {
            repository.unlinkChild(entry.id(), child);
            synchronized (lockFor(child.id())) {
                TokenEntry current = repository.byId(child.id());
                if (current != null) {
                    repository.update(current.orphaned());
                }
            }
        }
        revokeOne(entry);
    }

    private static void refuseBatch(TokenEntry entry) {
        if (entry.batch()) {
            throw new InvalidRequestException("batch tokens cannot be revoked");
        }
    }

    public List<String> accessors() {
        return repository.accessors();
    }

    /** Every stored entry (for the expiry sweep on unseal). */
    public List<TokenEntry> all() {
        return repository.all();
    }

    /** Re-reads an entry from storage, bypassing validity checks (for the expiry sweep). */
    public TokenEntry stored(String id) {
        return repository.byId(id);
    }

    private void revokeOne(TokenEntry entry) {
        synchronized (lockFor(entry.id())) {
            repository.delete(entry);
        }
        for (Consumer<TokenEntry> l : revocationListeners) {
            l.accept(entry);
        }
    }

    public long nowSeconds() {
        return clock.instant().getEpochSecond();
    }
}
