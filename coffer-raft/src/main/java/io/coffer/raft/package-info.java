/**
 * Integrated Raft storage ({@code storage "raft"}) on Apache Ratis:
 * {@link io.coffer.raft.RaftStorage} is the core's {@code HaBackend} (membership kept in
 * {@code cluster.json}, bootstrap, join, membership changes, leadership, snapshots),
 * {@link io.coffer.raft.RaftNode} runs one member of a cluster,
 * {@link io.coffer.raft.RaftPhysicalBackend} is the physical backend over it (local reads,
 * writes committed through the leader's log), and the exceptions a write can end in
 * ({@link io.coffer.raft.NotLeaderException}, {@link io.coffer.raft.CommitTimeoutException},
 * {@link io.coffer.raft.EntryTooLargeException}, {@link io.coffer.raft.RaftException}).
 */
package io.coffer.raft;
