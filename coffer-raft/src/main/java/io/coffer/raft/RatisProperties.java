package io.coffer.raft;

import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Translates a {@link RaftNodeConfig} into Ratis server properties. */
final class RatisProperties {
    /** Snapshots kept in the state machine directory: the newest, and one being streamed. */
    static final int SNAPSHOTS_RETAINED = 2;
    private static final long PREALLOCATED_SEGMENT_BYTES = 4L * 1024 * 1024;

    private RatisProperties() {
    }

    static RaftProperties of(RaftNodeConfig config, File raftDirectory) {
        RaftProperties p = new RaftProperties();
        RaftConfigKeys.Rpc.setType(p, SupportedRpcType.GRPC);
        RaftPeerAddress self = config.self();
        GrpcConfigKeys.Server.setHost(p, self.host());
        GrpcConfigKeys.Server.setPort(p, self.port());
        RaftServerConfigKeys.setStorageDir(p, List.of(raftDirectory));

        // timing, scaled like Vault's performance_multiplier
        int m = config.performanceMultiplier();
        RaftServerConfigKeys.Rpc.setTimeoutMin(p, millis(config.electionTimeoutMin()));
        RaftServerConfigKeys.Rpc.setTimeoutMax(p, millis(config.electionTimeoutMax()));
        RaftServerConfigKeys.Rpc.setRequestTimeout(p, TimeDuration.valueOf(3000L * m, TimeUnit.MILLISECONDS));

        // read-only requests (RaftNode.awaitReadIndex) use ReadIndex
        RaftServerConfigKeys.Read.setOption(p, RaftServerConfigKeys.Read.Option.LINEARIZABLE);

        // the store is the snapshot; the log is purged behind it, keeping trailing_logs entries
        RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
        RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, config.snapshotThreshold());
        RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, SNAPSHOTS_RETAINED);
        RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);
        RaftServerConfigKeys.Log.setPurgePreservationLogNum(p, config.trailingLogs());
        RaftServerConfigKeys.Log.setPurgeGap(p, 1);
        RaftServerConfigKeys.Log.setSegmentSizeMax(p, SizeInBytes.valueOf(config.logSegmentSize()));
        RaftServerConfigKeys.Log.setPreallocatedSize(p,
                SizeInBytes.valueOf(Math.min(PREALLOCATED_SEGMENT_BYTES, config.logSegmentSize())));
        RaftServerConfigKeys.Log.Appender.setInstallSnapshotEnabled(p, true);
        // no extra log entry per commit-index change: after a restart the store's applied index
        // (and the snapshot taken at it) is where applying resumes
        RaftServerConfigKeys.Log.setLogMetadataEnabled(p, false);
        return p;
    }

    private static TimeDuration millis(Duration d) {
        return TimeDuration.valueOf(d.toMillis(), TimeUnit.MILLISECONDS);
    }
}
