package io.coffer.raft;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RaftNodeConfigTest {
    private static final List<RaftPeerAddress> PEERS = List.of(
            RaftPeerAddress.parse("a", "127.0.0.1:8201"),
            RaftPeerAddress.parse("b", "127.0.0.1:8211"));

    private static RaftNodeConfig.Builder builder() {
        return RaftNodeConfig.builder("a", Path.of("/tmp/x")).peers(PEERS);
    }

    @Test
    void build_defaults_areVaults() {
        RaftNodeConfig config = builder().build();
        assertThat(config.performanceMultiplier()).isEqualTo(1);
        assertThat(config.electionTimeoutMin()).isEqualTo(Duration.ofMillis(150));
        assertThat(config.electionTimeoutMax()).isEqualTo(Duration.ofMillis(300));
        assertThat(config.snapshotThreshold()).isEqualTo(8192);
        assertThat(config.trailingLogs()).isEqualTo(10240);
        assertThat(config.maxEntrySize()).isEqualTo(1024 * 1024);
        assertThat(config.self().address()).isEqualTo("127.0.0.1:8201");
    }

    @Test
    void build_performanceMultiplier_scalesElectionTimeouts() {
        RaftNodeConfig config = builder().performanceMultiplier(5).build();
        assertThat(config.electionTimeoutMin()).isEqualTo(Duration.ofMillis(750));
        assertThat(config.electionTimeoutMax()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void build_selfNotAmongPeers_isRefused() {
        assertThatThrownBy(() -> RaftNodeConfig.builder("c", Path.of("/tmp/x")).peers(PEERS).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node c is not among");
    }

    @Test
    void build_duplicatePeerId_isRefused() {
        assertThatThrownBy(() -> builder().peers(List.of(PEERS.get(0), PEERS.get(0))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appears twice");
    }

    @Test
    void build_outOfRangeSettings_areRefused() {
        assertThatThrownBy(() -> builder().performanceMultiplier(0).build()).hasMessageContaining("performance_multiplier");
        assertThatThrownBy(() -> builder().performanceMultiplier(11).build()).hasMessageContaining("performance_multiplier");
        assertThatThrownBy(() -> builder().writeTimeout(Duration.ZERO).build()).hasMessageContaining("timeout");
        assertThatThrownBy(() -> builder().snapshotThreshold(0).build()).hasMessageContaining("snapshot_threshold");
        assertThatThrownBy(() -> builder().trailingLogs(-1).build()).hasMessageContaining("trailing_logs");
        assertThatThrownBy(() -> builder().maxEntrySize(8 * 1024 * 1024).build()).hasMessageContaining("max_entry_size");
        assertThatThrownBy(() -> builder().logSegmentSize(1024).build()).hasMessageContaining("segment");
    }

    @Test
    void parse_addresses_acceptHostPortAndBracketedIpv6() {
        assertThat(RaftPeerAddress.parse("n", "node-1.example:8201")).isEqualTo(new RaftPeerAddress("n", "node-1.example", 8201));
        RaftPeerAddress v6 = RaftPeerAddress.parse("n", "[::1]:8201");
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6.address()).isEqualTo("[::1]:8201");
        assertThatThrownBy(() -> RaftPeerAddress.parse("n", "nohost")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RaftPeerAddress.parse("n", "h:port")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RaftPeerAddress.parse("n", "h:70000")).isInstanceOf(IllegalArgumentException.class);
    }
}
