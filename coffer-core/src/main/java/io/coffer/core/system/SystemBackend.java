package io.coffer.core.system;

import io.coffer.core.audit.AuditBroker;
import io.coffer.core.audit.AuditPaths;
import io.coffer.core.barrier.SecurityBarrier;
import io.coffer.core.ha.HaBackend;
import io.coffer.core.storage.StoredJson;
import io.coffer.core.identity.EffectivePolicies;
import io.coffer.core.policy.PolicyStore;
import io.coffer.core.routing.MountEntry;
import io.coffer.core.routing.MountManager;
import io.coffer.core.routing.Router;
import io.coffer.core.token.TokenStore;
import io.coffer.sdk.framework.FrameworkBackend;
import io.coffer.sdk.framework.Path;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sys/} backend: mount tables, policies, capabilities, the KV preflight, the
 * keyring and the audit devices. The sealed-state routes ({@code sys/init}, {@code sys/unseal},
 * {@code sys/health}, …) are not here: they are answered before the request pipeline.
 */
public final class SystemBackend extends FrameworkBackend {

    /**
     * The backend with the cluster endpoints over {@code ha} ({@code null} without Raft storage),
     * the audit endpoints over {@code audit} ({@code null}: none), and {@code sys/capabilities*}
     * answered with the policies a token acts with ({@code effective}: identity included).
     */
    public SystemBackend(MountManager mounts, Router router, PolicyStore policies, TokenStore tokens,
                         SecurityBarrier barrier, HaBackend ha, StoredJson json, Clock clock, AuditBroker audit,
                         EffectivePolicies effective) {
        super(paths(mounts, router, policies, tokens, barrier, new ClusterPaths(ha, barrier, json, clock), audit,
                effective));
    }

    @Override
    public List<String> rootPaths() {
        // mounts/auth/* reaches auth mounts (their tune) as auth/* does, so it needs sudo as well
        return List.of("auth/*", "mounts/auth/*", "rotate", "raw", "raw/*", "audit", "audit/*", "config/*", "leases/revoke-prefix/*",
                "leases/revoke-force/*", "leases/lookup/*", "remount",
                "storage/raft/configuration", "storage/raft/remove-peer", "storage/raft/autopilot/*",
                "storage/raft/snapshot", "storage/raft/snapshot-force", "locked-users", "locked-users/*");
    }

    /** The KV preflight checks the caller's token itself and needs no policy on its own path. */
    @Override
    public List<String> unauthenticatedPaths() {
        return List.of("internal/ui/mounts", "internal/ui/mounts/*");
    }

    private static List<Path> paths(MountManager mounts, Router router, PolicyStore policies, TokenStore tokens,
                                    SecurityBarrier barrier, ClusterPaths cluster, AuditBroker audit,
                                    EffectivePolicies effective) {
        List<Path> all = new ArrayList<>();
        all.addAll(new MountTablePaths(mounts, MountEntry.TABLE_MOUNTS).paths());
        all.addAll(new MountTablePaths(mounts, MountEntry.TABLE_AUTH).paths());
        all.addAll(new PolicyPaths(policies).paths());
        all.addAll(new CapabilitiesPaths(policies, tokens, effective).paths());
        all.addAll(new InternalUiPaths(mounts, router, policies).paths());
        all.addAll(new KeyPaths(barrier).paths());
        all.addAll(cluster.paths());
        all.addAll(new LockedUsersPaths(router).paths());
        all.addAll(new io.coffer.core.lease.LeasePaths(tokens).paths());
        if (audit != null) {
            all.addAll(new AuditPaths(audit).paths());
        }
        return all;
    }
}
