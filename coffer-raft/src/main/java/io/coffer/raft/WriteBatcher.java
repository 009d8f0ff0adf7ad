package io.coffer.raft;

import io.coffer.raft.log.MutationBatchCodec;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.exceptions.AlreadyClosedException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Group commit for Raft writes: concurrent writes that arrive while earlier log entries are
 * still being committed are combined into one log entry (up to {@code max_entry_size}), so that
 * one log append, one replication round and one synced apply serve many writes. Each write's
 * own mutations stay together and in order inside the combined entry, so each write is still
 * applied atomically; writes that were concurrent have no order between them anyway.
 *
 * <p>A write that finds the queue empty and one of the {@value #MAX_IN_FLIGHT} in-flight slots
 * free is sent at once from its caller's thread. Otherwise it queues; one dedicated daemon
 * thread takes queued writes, waits for a free slot (while it waits, more writes queue up and
 * join the next entry), and submits the entry. Completing an entry completes all of its writes
 * with the same reply. A write whose caller gave up before it was sent is dropped. No work runs
 * on a shared pool.
 */
final class WriteBatcher implements AutoCloseable {
    /**
     * Log entries of this node in flight at once. Fewer, larger entries win while the cost per
     * entry dominates: on 2 cores (3 nodes in one JVM) 1–2 gave the most writes/s at 16 and 64
     * writers, 3 and 6 clearly fewer; 2 keeps some pipelining for real network latency.
     */
    static final int MAX_IN_FLIGHT = 2;

    private final Function<byte[], CompletableFuture<RaftClientReply>> submit;
    private final int maxEntrySize;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Fair, so that a write sent directly never overtakes the dispatcher waiting for a slot. */
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT, true);
    private final Thread dispatcher;
    private volatile boolean closed;

    /** One write waiting for its entry's reply. */
    private record Pending(byte[] encoded, CompletableFuture<RaftClientReply> reply) {
    }

    WriteBatcher(String nodeId, int maxEntrySize, Function<byte[], CompletableFuture<RaftClientReply>> submit) {
        this.submit = submit;
        this.maxEntrySize = maxEntrySize;
        this.dispatcher = new Thread(this::run, "coffer-raft-writes-" + nodeId);
        this.dispatcher.setDaemon(true);
        this.dispatcher.start();
    }

    /**
     * Queues one encoded batch; the future completes with the reply of the log entry it ends up
     * in. The caller may complete the future itself (on timeout) to withdraw a write not yet sent.
     */
    CompletableFuture<RaftClientReply> submit(byte[] encoded) {
        CompletableFuture<RaftClientReply> reply = new CompletableFuture<>();
        if (closed) {
            reply.completeExceptionally(new AlreadyClosedException("the write queue is closed"));
            return reply;
        }
        Pending write = new Pending(encoded, reply);
        if (queue.isEmpty() && freeSlot()) {
            // idle: nothing to combine with, send at once from the caller's thread
            send(List.of(write));
            return reply;
        }
        queue.add(write);
        if (closed) {
            failQueued();
        }
        return reply;
    }

    /** Takes an in-flight slot if one is free and nobody waits for it. */
    private boolean freeSlot() {
        try {
            return inFlight.tryAcquire(0, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void run() {
        Pending first = null;
        try {
            while (!closed) {
                first = queue.take();
                inFlight.acquire();
                List<Pending> entry = collect(first);
                first = null;
                if (entry.isEmpty()) {
                    inFlight.release();
                } else {
                    send(entry);
                }
            }
        } catch (InterruptedException e) {
            // closing
        } finally {
            if (first != null) {
                first.reply().completeExceptionally(new AlreadyClosedException("the write queue is closed"));
            }
            failQueued();
        }
    }

    /** {@code first} plus every queued write that still fits into one entry, skipping withdrawn ones. */
    private List<Pending> collect(Pending first) {
        List<Pending> entry = new ArrayList<>();
        long bytes = 0;
        for (Pending next = first; next != null; next = queue.peek()) {
            if (next != first) {
                long combined = MutationBatchCodec.concatSize(bytes + next.encoded().length, entry.size() + 1);
                if (!entry.isEmpty() && combined > maxEntrySize) {
                    break;
                }
                queue.poll();
            }
            if (!next.reply().isDone()) {
                entry.add(next);
                bytes += next.encoded().length;
            }
        }
        return entry;
    }

    private void send(List<Pending> entry) {
        CompletableFuture<RaftClientReply> reply;
        try {
            List<byte[]> parts = new ArrayList<>(entry.size());
            for (Pending p : entry) {
                parts.add(p.encoded());
            }
            reply = submit.apply(MutationBatchCodec.concat(parts));
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((r, failure) -> {
            inFlight.release();
            for (Pending p : entry) {
                if (failure != null) {
                    p.reply().completeExceptionally(failure);
                } else {
                    p.reply().complete(r);
                }
            }
        });
    }

    private void failQueued() {
        for (Pending p; (p = queue.poll()) != null; ) {
            p.reply().completeExceptionally(new AlreadyClosedException("the write queue is closed"));
        }
    }

    /** Stops the dispatcher; queued writes fail, entries already sent complete normally. */
    @Override
    public void close() {
        closed = true;
        dispatcher.interrupt();
        failQueued();
    }
}
