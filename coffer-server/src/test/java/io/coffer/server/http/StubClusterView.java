package io.coffer.server.http;

import io.coffer.core.ha.LeaderStatus;
import io.coffer.core.ha.NodeRole;
import io.coffer.server.cluster.ClusterView;

import java.util.Optional;
import java.util.function.Supplier;

/** A {@link ClusterView} a test sets: role, active address and leader status, changeable at any time. */
final class StubClusterView implements ClusterView {
    private volatile Supplier<NodeRole> role;
    private volatile Optional<String> activeAddress;
    private volatile Supplier<LeaderStatus> leaderStatus = LeaderStatus::disabled;

    StubClusterView(NodeRole role, String activeAddress) {
        this.role = () -> role;
        this.activeAddress = Optional.ofNullable(activeAddress);
    }

    static StubClusterView standby(String activeAddress) {
        return new StubClusterView(NodeRole.STANDBY, activeAddress);
    }

    StubClusterView role(NodeRole r) {
        this.role = () -> r;
        return this;
    }

    /** Makes {@link #role()} run {@code r}, for example to throw what the core throws mid-request. */
    StubClusterView role(Supplier<NodeRole> r) {
        this.role = r;
        return this;
    }

    StubClusterView activeAddress(String address) {
        this.activeAddress = Optional.ofNullable(address);
        return this;
    }

    StubClusterView leaderStatus(Supplier<LeaderStatus> s) {
        this.leaderStatus = s;
        return this;
    }

    @Override
    public NodeRole role() {
        return role.get();
    }

    @Override
    public Optional<String> activeAddress() {
        return activeAddress;
    }

    @Override
    public LeaderStatus leaderStatus() {
        return leaderStatus.get();
    }
}
