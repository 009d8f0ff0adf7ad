package io.coffer.server.cluster;

import io.coffer.core.Core;
import io.coffer.core.ha.LeaderStatus;
import io.coffer.core.ha.NodeRole;

import java.util.Objects;
import java.util.Optional;

/**
 * The production {@link ClusterView}: asks the node's {@link Core} each time, so it never goes
 * stale. Thread-safe as the core is.
 */
public final class CoreClusterView implements ClusterView {
    private final Core core;

    public CoreClusterView(Core core) {
        this.core = Objects.requireNonNull(core, "core");
    }

    @Override
    public NodeRole role() {
        // the edge asks on every request: without HA storage an unsealed node is active, and
        // the answer needs no storage read
        if (!core.haEnabled() && !core.isSealed()) {
            return NodeRole.ACTIVE;
        }
        return core.role();
    }

    @Override
    public Optional<String> activeAddress() {
        return core.activeAddress();
    }

    @Override
    public LeaderStatus leaderStatus() {
        return core.leaderStatus();
    }
}
