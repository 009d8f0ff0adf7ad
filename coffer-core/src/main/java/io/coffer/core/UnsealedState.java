package io.coffer.core;

import io.coffer.builtin.BuiltinRegistry;
import io.coffer.core.audit.AuditBroker;
import io.coffer.core.audit.AuditDeviceFactory;
import io.coffer.core.audit.AuditTableStore;
import io.coffer.core.barrier.BarrierView;
import io.coffer.core.barrier.SecurityBarrier;
import io.coffer.core.cubbyhole.CubbyholeBackend;
import io.coffer.core.auth.LoginTokens;
import io.coffer.core.ha.HaBackend;
import io.coffer.core.identity.IdentityBackend;
import io.coffer.core.identity.EffectivePolicies;
import io.coffer.core.identity.IdentityStore;
import io.coffer.core.policy.PolicyStore;
import io.coffer.core.request.RequestPipeline;
import io.coffer.core.routing.MountConfig;
import io.coffer.core.routing.MountEntry;
import io.coffer.core.routing.MountManager;
import io.coffer.core.routing.MountTableStore;
import io.coffer.core.routing.Router;
import io.coffer.core.storage.StoredJson;
import io.coffer.core.system.SystemBackend;
import io.coffer.core.token.ExpirationManager;
import io.coffer.core.token.BatchTokens;
import io.coffer.core.token.TokenHasher;
import io.coffer.core.token.TokenIds;
import io.coffer.core.token.TokenRepository;
import io.coffer.core.token.TokenStore;
import io.coffer.sdk.logical.Backend;
import io.coffer.sdk.logical.BackendConfig;
import io.coffer.sdk.logical.BackendFactory;
import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.StorageEntry;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a node builds when it unseals and drops when it seals: mount tables and router,
 * policy and token stores, the expiry timer, the audit devices and the request pipeline. Built
 * from storage alone, so a restart rebuilds the same state.
 */
final class UnsealedState implements AutoCloseable {
    private static final String SALT_KEY = "salt";
    private static final String CLUSTER_ID_KEY = "core/cluster-id";

    final Router router = new Router();
    final MountManager mounts;
    final PolicyStore policies;
    final TokenStore tokens;
    final ExpirationManager expiration;
    final IdentityStore identity;
    final EffectivePolicies effective;
    final RequestPipeline pipeline;
    final AuditBroker audit;
    final String clusterId;

    UnsealedState(SecurityBarrier barrier, BuiltinRegistry registry, StoredJson json, Clock clock, SecureRandom random,
                  HaBackend ha) {
        this.clusterId = clusterId(barrier);
        Storage tokenView = new BarrierView(barrier, "sys/token/");
        TokenHasher hasher = new TokenHasher(salt(tokenView, random));
        this.policies = new PolicyStore(new BarrierView(barrier, "sys/policy/"), json);
        this.mounts = new MountManager(barrier, new MountTableStore(barrier, json), router,
                (entry, storage) -> resolve(entry, storage, barrier, registry, hasher, clock, ha, json), random);
        this.tokens = new TokenStore(new TokenRepository(tokenView, json, hasher), new TokenIds(random),
                new BatchTokens(tokenView, json, random), clock,
                () -> tokenTtl(false), () -> tokenTtl(true));
        this.expiration = new ExpirationManager(tokens);
        tokens.addRevocationListener(entry -> {
            io.coffer.core.routing.Route cubbyhole = router.exact("cubbyhole/");
            if (cubbyhole != null && cubbyhole.backend() instanceof CubbyholeBackend c) {
                c.destroy(entry);
            }
        });
        this.identity = new IdentityStore(new BarrierView(barrier, "sys/identity/"), json, clock);
        this.effective = new EffectivePolicies(identity);
        // create/<role> with entity_alias: the alias lives on the token auth mount
        tokens.setEntityAliases(alias -> identity.resolve(mounts.entry(MountEntry.TABLE_AUTH, "token/").accessor(),
                "token", alias, Map.of()));
        this.audit = new AuditBroker(new AuditTableStore(barrier, json), new AuditDeviceFactory(System.out), clock, random);
        this.pipeline = new RequestPipeline(router, tokens, policies, effective,
                new LoginTokens(tokens, identity, SYSTEM_TTL), audit);
    }

    /** Loads mounts, policies and audit devices from storage and starts expiring tokens. */
    void start() {
        mounts.load(List.of(
                builtin(MountEntry.TABLE_MOUNTS, "cubbyhole/", "cubbyhole", "per-token private secret storage", true),
                builtin(MountEntry.TABLE_MOUNTS, "identity/", "identity", "identity store", false),
                builtin(MountEntry.TABLE_MOUNTS, "sys/", "system", "system endpoints used for control, policy and debugging", false)),
                List.of(builtin(MountEntry.TABLE_AUTH, "token/", "token", "token based credentials", false)));
        policies.ensureDefault();
        audit.load();
        expiration.start();
    }

    private Backend resolve(MountEntry entry, Storage storage, SecurityBarrier barrier, BuiltinRegistry registry,
                            TokenHasher hasher, Clock clock, HaBackend ha, StoredJson json) {
        switch (entry.type()) {
            case "system":
                return new SystemBackend(mounts, router, policies, tokens, barrier, ha, json, clock, audit, effective);
            case "token":
                return new io.coffer.core.token.TokenBackend(tokens, effective::identityOnly);
            case "cubbyhole":
                return new CubbyholeBackend(storage, hasher);
            case "identity":
                return new IdentityBackend(identity, mounts);
            default:
                BackendFactory factory = registry.factory(entry.type())
                        .orElseThrow(() -> new InvalidRequestException("plugin not found in the catalog: " + entry.type()));
                try {
                    return factory.create(new BackendConfig(storage, entry.apiPath(), entry.options(),
                            Duration.ofSeconds(entry.config().defaultLeaseTtl() == 0 ? SYSTEM_TTL : entry.config().defaultLeaseTtl()),
                            clock));
                } catch (IllegalArgumentException e) {
                    throw new InvalidRequestException(e.getMessage());
                }
        }
    }

    static final long SYSTEM_TTL = 2764800L;

    private long tokenTtl(boolean max) {
        MountEntry token = mounts.entry(MountEntry.TABLE_AUTH, "token/");
        long v = token == null ? 0 : (max ? token.config().maxLeaseTtl() : token.config().defaultLeaseTtl());
        return v == 0 ? SYSTEM_TTL : v;
    }

    private static MountEntry builtin(String table, String path, String type, String description, boolean local) {
        String accessor = (MountEntry.TABLE_AUTH.equals(table) ? "auth_" : "") + type + "_" + Integer.toHexString(path.hashCode() & 0x7fffffff);
        return new MountEntry(table, path, type, description, java.util.UUID.randomUUID().toString(), accessor, local,
                false, false, null, MountConfig.defaults(), "");
    }

    /** The cluster's id as stored, or {@code ""} before the first unseal made it. */
    static String storedClusterId(Storage barrier) {
        StorageEntry e = barrier.get(CLUSTER_ID_KEY);
        return e == null ? "" : new String(e.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The cluster's id, made once at init and kept in the barrier, so it survives restarts. */
    private static String clusterId(Storage barrier) {
        StorageEntry e = barrier.get(CLUSTER_ID_KEY);
        if (e != null) {
            return new String(e.value(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String id = java.util.UUID.randomUUID().toString();
        barrier.put(new StorageEntry(CLUSTER_ID_KEY, id.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return id;
    }

    private static byte[] salt(Storage view, SecureRandom random) {
        StorageEntry e = view.get(SALT_KEY);
        if (e != null) {
            return e.value();
        }
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        view.put(new StorageEntry(SALT_KEY, salt));
        return salt;
    }


    @Override
    public void close() {
        expiration.close();
        mounts.unload();
        audit.close();
    }
}
