package io.coffer.raft;

import io.coffer.core.physical.PhysicalBackend;
import io.coffer.raft.log.MutationBatchCodec;
import io.coffer.raft.statemachine.CofferStateMachine;
import io.coffer.sdk.logical.StorageChange;
import io.coffer.sdk.logical.StorageEntry;
import io.coffer.storage.file.Mutation;
import org.apache.ratis.protocol.RaftClientReply;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The physical backend {@code storage "raft"}: reads come from this node's RocksDB store,
 * writes go through the Raft log of the cluster.
 *
 * <ul>
 *   <li>{@link #get} and {@link #list} read the local store: on the leader they see every
 *       acknowledged write; on a follower they may lag behind it.</li>
 *   <li>{@link #put}, {@link #delete} and {@link #apply} are accepted only on the leader. The
 *       mutations of one call are applied atomically, all or none, in order, and the call
 *       returns once they are committed on a majority and applied to this node's store, so a
 *       read on this node right after sees them. Concurrent calls share log entries (group
 *       commit, {@link WriteBatcher}).</li>
 *   <li>On a node that is not the ready leader a write is refused at once with
 *       {@link NotLeaderException} naming the leader it knows of; nothing is written. Writes are
 *       deliberately not forwarded at this level: a standby forwards the whole client request to
 *       the active node, so that read-modify-write operations (check-and-set, token use counts)
 *       run against the leader's up-to-date store.</li>
 *   <li>A leader that cannot reach a majority (the minority side of a partition) cannot
 *       commit: the write fails after the configured write timeout with
 *       {@link CommitTimeoutException}, or sooner with {@code NotLeaderException} once the node
 *       notices and steps down; its outcome is then unknown.</li>
 *   <li>A write whose encoded entry exceeds {@code max_entry_size} is refused with
 *       {@link EntryTooLargeException}.</li>
 * </ul>
 *
 * <p>Thread-safe. Closing it closes the node.
 */
public final class RaftPhysicalBackend implements PhysicalBackend {
    private final RaftNode node;
    private final CofferStateMachine stateMachine;
    private final Duration writeTimeout;
    private final int maxEntrySize;
    private final WriteBatcher writes;

    RaftPhysicalBackend(RaftNode node, CofferStateMachine stateMachine, Duration writeTimeout, int maxEntrySize) {
        this.node = node;
        this.stateMachine = stateMachine;
        this.writeTimeout = writeTimeout;
        this.maxEntrySize = maxEntrySize;
        this.writes = new WriteBatcher(node.id(), maxEntrySize, node::submit);
    }

    @Override
    public String type() {
        return "raft";
    }

    /** The node this backend writes through. */
    public RaftNode node() {
        return node;
    }

    @Override
    public StorageEntry get(String key) {
        return stateMachine.get(Objects.requireNonNull(key, "key"));
    }

    @Override
    public List<String> list(String prefix) {
        return stateMachine.list(Objects.requireNonNull(prefix, "prefix"));
    }

    /** Writes {@code entry} through the Raft log; see the class comment for the guarantees. */
    @Override
    public void put(StorageEntry entry) {
        apply(List.of(Mutation.put(entry.key(), entry.value())));
    }

    /** Removes {@code key} through the Raft log; see the class comment for the guarantees. */
    @Override
    public void delete(String key) {
        apply(List.of(Mutation.delete(key)));
    }

    /** Writes the whole batch as one Raft log entry (see {@link #apply(List)}). */
    @Override
    public void applyBatch(List<StorageChange> changes) {
        List<Mutation> mutations = new java.util.ArrayList<>(changes.size());
        for (StorageChange c : changes) {
            mutations.add(c.isDelete() ? Mutation.delete(c.key()) : Mutation.put(c.key(), c.value()));
        }
        apply(mutations);
    }

    /**
     * Writes {@code mutations} through the Raft log, in one log entry (which concurrent writes
     * may share): applied in order and atomically on every node. Returns once committed on a
     * majority and applied to this node's store. An empty list writes nothing.
     *
     * @throws IllegalArgumentException when a key is not valid Unicode
     * @throws EntryTooLargeException   when the encoded batch exceeds {@code max_entry_size}
     * @throws NotLeaderException       when this node is not the ready leader (nothing written)
     * @throws CommitTimeoutException   when the entry was not committed within the write timeout
     * @throws RaftException           on any other failure of the Raft server
     */
    public void apply(List<Mutation> mutations) {
        if (mutations.isEmpty()) {
            return;
        }
        byte[] payload = MutationBatchCodec.encode(mutations);
        if (payload.length > maxEntrySize) {
            throw new EntryTooLargeException(payload.length, maxEntrySize);
        }
        if (!node.isRunning()) {
            throw new RaftException("Raft node " + node.id() + " is not running");
        }
        if (!node.isLeader()) {
            throw new NotLeaderException(node.id(), node.leader().orElse(null));
        }
        check(await(writes.submit(payload)));
    }

    private RaftClientReply await(CompletableFuture<RaftClientReply> reply) {
        try {
            return reply.get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // withdraws the write if it is still queued; once sent, its outcome is unknown
            reply.completeExceptionally(e);
            throw new CommitTimeoutException(node.id(), writeTimeout);
        } catch (InterruptedException e) {
            reply.completeExceptionally(e);
            Thread.currentThread().interrupt();
            throw new RaftException("interrupted while waiting for a Raft commit on node " + node.id()
                    + " (outcome unknown)", e);
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        }
    }

    private void check(RaftClientReply reply) {
        if (!reply.isSuccess()) {
            throw translate(reply.getException());
        }
    }

    private RuntimeException translate(Throwable failure) {
        return RatisFailures.translate(node, "write", failure);
    }

    /** Stops accepting writes: queued ones fail, sent ones complete. */
    void closeWrites() {
        writes.close();
    }

    /** Closes the node: see {@link RaftNode#close()}. */
    @Override
    public void close() {
        node.close();
    }
}
