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

/**
 * Translates a {@link RaftNodeConfig} into Ratis server properties: listen address, timing scaled
 * by the performance multiplier, pre-vote, snapshot and log-purge policy, and buffer sizes large
 * enough for the biggest entry the node may have to carry (a restore, {@code max_restore_size}).
 */
final class RatisProperties {
    /** Snapshots kept in the state machine directory: the newest, and one being streamed. */
    static final int SNAPSHOTS_RETAINED = 2;
    /** Snapshot chunks the leader sends ahead of the follower's replies (see {@link #of}). */
    static final int INSTALL_SNAPSHOT_CHUNKS_IN_FLIGHT = 2;
    private static final long PREALLOCATED_SEGMENT_BYTES = 4L * 1024 * 1024;
    /** Room for the log entry's own framing (protobuf fields, client id, call id) around a payload. */
    static final long ENTRY_OVERHEAD = 64L * 1024;
    private static final long MIB = 1024L * 1024;
    /** Ratis's defaults that the restore sizing only ever raises. */
    private static final long DEFAULT_APPENDER_BUFFER = 4 * MIB;
    private static final long DEFAULT_WRITE_BUFFER = 8 * MIB;
    private static final long DEFAULT_QUEUE_BYTES = 64 * MIB;

    private RatisProperties() {
    }

    static RaftProperties of(RaftNodeConfig config, File raftDirectory) {
        RaftProperties p = new RaftProperties();
        RaftConfigKeys.Rpc.setType(p, SupportedRpcType.GRPC);
        RaftPeerAddress listen = config.listenAddress();
        GrpcConfigKeys.Server.setHost(p, listen.host());
        GrpcConfigKeys.Server.setPort(p, listen.port());
        RaftServerConfigKeys.setStorageDir(p, List.of(raftDirectory));

        // timing, scaled like Vault's performance_multiplier
        int m = config.performanceMultiplier();
        RaftServerConfigKeys.Rpc.setTimeoutMin(p, millis(config.electionTimeoutMin()));
        RaftServerConfigKeys.Rpc.setTimeoutMax(p, millis(config.electionTimeoutMax()));
        RaftServerConfigKeys.Rpc.setRequestTimeout(p, TimeDuration.valueOf(3000L * m, TimeUnit.MILLISECONDS));

        // a candidate first asks whether it could win (pre-vote), so a node that was cut off, removed,
        // or has just started cannot force an election on a healthy cluster by raising the term
        RaftServerConfigKeys.LeaderElection.setPreVote(p, true);
        // a node being added (staging) that answers nothing for this long fails the change
        RaftServerConfigKeys.setStagingTimeout(p, TimeDuration.valueOf(3000L * m, TimeUnit.MILLISECONDS));

        sizeForEntries(p, config.maxRestoreSize());

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
        // at most 2 snapshot chunks in flight. Ratis 3.3 notices a broken InstallSnapshot stream
        // (the follower restarting while the leader starts sending) only when a chunk times out,
        // after the request timeout times this limit: 24 s with its default of 8, during which
        // the leader's appender for that follower is stuck. A snapshot with more files than the
        // limit (any store with blob files) hit it; with 2 the stream is retried after 6 s.
        GrpcConfigKeys.Server.setInstallSnapshotRequestElementLimit(p, INSTALL_SNAPSHOT_CHUNKS_IN_FLIGHT);
        // no extra log entry per commit-index change: after a restart the store's applied index
        // (and the snapshot taken at it) is where applying resumes
        RaftServerConfigKeys.Log.setLogMetadataEnabled(p, false);
        return p;
    }

    /**
     * Sizes Ratis's buffers so that one log entry of {@code largestPayload} bytes (a restore)
     * can be appended, written, read back from a segment and replicated: the appender buffer
     * (also the largest entry a log segment reader accepts) holds it with its framing, the gRPC
     * message limit is 1 MiB above that (Ratis requires the gap), the direct write buffer holds
     * the buffer plus 8 bytes, and the write and log queues hold two such entries.
     */
    static void sizeForEntries(RaftProperties p, long largestPayload) {
        long appender = Math.max(DEFAULT_APPENDER_BUFFER, roundUpToMib(largestPayload + ENTRY_OVERHEAD));
        RaftServerConfigKeys.Log.Appender.setBufferByteLimit(p, SizeInBytes.valueOf(appender));
        GrpcConfigKeys.setMessageSizeMax(p, SizeInBytes.valueOf(appender + MIB));
        RaftServerConfigKeys.Log.setWriteBufferSize(p, SizeInBytes.valueOf(Math.max(DEFAULT_WRITE_BUFFER, appender + MIB)));
        SizeInBytes queue = SizeInBytes.valueOf(Math.max(DEFAULT_QUEUE_BYTES, 2 * appender));
        RaftServerConfigKeys.Log.setQueueByteLimit(p, queue);
        RaftServerConfigKeys.Write.setByteLimit(p, queue);
    }

    private static long roundUpToMib(long bytes) {
        return (bytes + MIB - 1) / MIB * MIB;
    }

    private static TimeDuration millis(Duration d) {
        return TimeDuration.valueOf(d.toMillis(), TimeUnit.MILLISECONDS);
    }
}
