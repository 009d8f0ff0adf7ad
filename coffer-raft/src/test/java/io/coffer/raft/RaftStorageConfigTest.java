package io.coffer.raft;

import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings of a {@link RaftStorage} node and what they become in Ratis. */
class RaftStorageConfigTest {
    private static final long MIB = 1024 * 1024;

    private static RaftNodeConfig.Builder node() {
        return RaftNodeConfig.builder("a", Path.of("/tmp/x")).clusterAddress("10.0.0.1:8201");
    }

    @Test
    void of_defaults() {
        RaftStorageConfig config = RaftStorageConfig.of(node().build());
        assertThat(config.nodeId()).isEqualTo("a");
        assertThat(config.clusterAddress()).isEqualTo("10.0.0.1:8201");
        assertThat(config.bootstrapTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.joinTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.node().maxRestoreSize()).isEqualTo(64 * MIB);
        assertThat(config.node().tls()).isEmpty();
        assertThat(config.node().listenAddress().address()).isEqualTo("10.0.0.1:8201");
        assertThat(config.withJoinTimeout(Duration.ofSeconds(5)).joinTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void bindAddress_isWhereTheServerListens_theClusterAddressWhatPeersDial() {
        RaftNodeConfig config = node().bindAddress("0.0.0.0:9201").build();
        assertThat(config.listenAddress().address()).isEqualTo("0.0.0.0:9201");
        assertThat(config.self().address()).isEqualTo("10.0.0.1:8201");
        RaftProperties p = RatisProperties.of(config, new File("/tmp/x/raft"));
        assertThat(GrpcConfigKeys.Server.host(p)).isEqualTo("0.0.0.0");
        assertThat(GrpcConfigKeys.Server.port(p)).isEqualTo(9201);
        assertThatThrownBy(() -> node().bindAddress("nohost").build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withGroupId_changesOnlyTheGroup() {
        RaftNodeConfig config = node().performanceMultiplier(3).build();
        UUID group = UUID.randomUUID();
        RaftNodeConfig other = config.withGroupId(group);
        assertThat(other.groupId()).isEqualTo(group);
        assertThat(other.performanceMultiplier()).isEqualTo(3);
        assertThat(other.self()).isEqualTo(config.self());
    }

    @Test
    void config_peersBeyondItself_orBadTimeouts_areRefused() {
        RaftNodeConfig twoPeers = RaftNodeConfig.builder("a", Path.of("/tmp/x"))
                .peers(List.of(RaftPeerAddress.parse("a", "h:1"), RaftPeerAddress.parse("b", "h:2"))).build();
        assertThatThrownBy(() -> RaftStorageConfig.of(twoPeers)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cluster_addr");
        assertThatThrownBy(() -> RaftStorageConfig.of(node().build()).withBootstrapTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void maxRestoreSize_outOfRange_isRefused() {
        assertThatThrownBy(() -> node().maxRestoreSize(512 * 1024).build()).hasMessageContaining("max_restore_size");
        assertThatThrownBy(() -> node().maxRestoreSize(1024 * (int) MIB).build()).hasMessageContaining("max_restore_size");
    }

    @Test
    void ratisProperties_defaultRestoreSize_makeRoomForA64MiBEntry() {
        RaftProperties p = RatisProperties.of(node().build(), new File("/tmp/x/raft"));
        long appender = RaftServerConfigKeys.Log.Appender.bufferByteLimit(p).getSize();
        assertThat(appender).isGreaterThanOrEqualTo(64 * MIB + RatisProperties.ENTRY_OVERHEAD);
        // Ratis's own consistency rules
        assertThat(GrpcConfigKeys.messageSizeMax(p, s -> { }).getSize()).isGreaterThanOrEqualTo(appender + MIB);
        assertThat(RaftServerConfigKeys.Log.writeBufferSize(p).getSize()).isGreaterThanOrEqualTo(appender + 8);
        assertThat(RaftServerConfigKeys.Log.queueByteLimit(p).getSize()).isGreaterThanOrEqualTo(2 * appender);
        assertThat(RaftServerConfigKeys.Write.byteLimit(p).getSize()).isGreaterThanOrEqualTo(2 * appender);
        assertThat(RaftServerConfigKeys.LeaderElection.preVote(p)).isTrue();
    }

    @Test
    void ratisProperties_smallRestoreSize_keepRatisDefaults() {
        RaftProperties p = RatisProperties.of(node().maxRestoreSize(2 * (int) MIB).build(), new File("/tmp/x/raft"));
        assertThat(RaftServerConfigKeys.Log.Appender.bufferByteLimit(p).getSize()).isEqualTo(4 * MIB);
        assertThat(RaftServerConfigKeys.Log.writeBufferSize(p).getSize()).isEqualTo(8 * MIB);
        assertThat(GrpcConfigKeys.messageSizeMax(p, s -> { }).getSize()).isEqualTo(5 * MIB);
    }
}
