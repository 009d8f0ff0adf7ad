package io.coffer.raft;

import io.coffer.raft.log.MutationBatchCodec;
import io.coffer.storage.file.Mutation;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.exceptions.AlreadyClosedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@Timeout(20)
class WriteBatcherTest {
    /** Entries "sent to Ratis", each with the future the test completes as Ratis would. */
    private final List<byte[]> sent = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<RaftClientReply>> replies = new CopyOnWriteArrayList<>();
    private final WriteBatcher batcher = new WriteBatcher("test", 1024, payload -> {
        CompletableFuture<RaftClientReply> reply = new CompletableFuture<>();
        sent.add(payload);
        replies.add(reply);
        return reply;
    });

    @AfterEach
    void close() {
        batcher.close();
    }

    private static byte[] put(String key, int valueBytes) {
        return MutationBatchCodec.encode(List.of(Mutation.put(key, new byte[valueBytes])));
    }

    private static List<String> keys(byte[] entry) {
        List<String> out = new ArrayList<>();
        for (Mutation m : MutationBatchCodec.decode(ByteBuffer.wrap(entry))) {
            out.add(m.key());
        }
        return out;
    }

    private static RaftClientReply reply() {
        return RaftClientReply.newBuilder()
                .setClientId(ClientId.randomId())
                .setServerId(RaftGroupMemberId.valueOf(RaftPeerId.valueOf("n"), RaftGroupId.randomId()))
                .setCallId(1)
                .setSuccess()
                .build();
    }

    @Test
    void submit_whileIdle_sendsAtOnce() throws Exception {
        CompletableFuture<RaftClientReply> f = batcher.submit(put("a", 1));
        assertThat(sent).hasSize(1);
        replies.get(0).complete(reply());
        assertThat(f.get().isSuccess()).isTrue();
    }

    @Test
    void submit_whileSlotsAreBusy_combinesQueuedWritesIntoOneEntryInOrder() throws Exception {
        List<CompletableFuture<RaftClientReply>> first = new ArrayList<>();
        for (int i = 0; i < WriteBatcher.MAX_IN_FLIGHT; i++) {
            first.add(batcher.submit(put("busy" + i, 1)));
        }
        CompletableFuture<RaftClientReply> x = batcher.submit(put("x", 1));
        CompletableFuture<RaftClientReply> y = batcher.submit(MutationBatchCodec.encode(
                List.of(Mutation.put("y1", new byte[1]), Mutation.delete("y2"))));
        CompletableFuture<RaftClientReply> z = batcher.submit(put("z", 1));
        assertThat(sent).hasSize(WriteBatcher.MAX_IN_FLIGHT);

        replies.get(0).complete(reply());
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == WriteBatcher.MAX_IN_FLIGHT + 1);
        assertThat(keys(sent.get(WriteBatcher.MAX_IN_FLIGHT))).containsExactly("x", "y1", "y2", "z");
        assertThat(x).isNotDone();
        replies.get(WriteBatcher.MAX_IN_FLIGHT).complete(reply());
        assertThat(x.get().isSuccess()).isTrue();
        assertThat(y.get().isSuccess()).isTrue();
        assertThat(z.get().isSuccess()).isTrue();
        assertThat(first.get(0)).isDone();
    }

    @Test
    void submit_queuedWritesAboveMaxEntrySize_goToSeparateEntries() {
        for (int i = 0; i < WriteBatcher.MAX_IN_FLIGHT; i++) {
            batcher.submit(put("busy" + i, 1));
        }
        batcher.submit(put("a", 600));
        batcher.submit(put("b", 600));
        replies.get(0).complete(reply());
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == WriteBatcher.MAX_IN_FLIGHT + 1);
        replies.get(1).complete(reply());
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == WriteBatcher.MAX_IN_FLIGHT + 2);
        assertThat(keys(sent.get(WriteBatcher.MAX_IN_FLIGHT))).containsExactly("a");
        assertThat(keys(sent.get(WriteBatcher.MAX_IN_FLIGHT + 1))).containsExactly("b");
    }

    @Test
    void submit_writeWithdrawnBeforeSending_isDropped() {
        for (int i = 0; i < WriteBatcher.MAX_IN_FLIGHT; i++) {
            batcher.submit(put("busy" + i, 1));
        }
        CompletableFuture<RaftClientReply> gaveUp = batcher.submit(put("gave-up", 1));
        batcher.submit(put("kept", 1));
        gaveUp.completeExceptionally(new TimeoutException());
        replies.get(0).complete(reply());
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == WriteBatcher.MAX_IN_FLIGHT + 1);
        assertThat(keys(sent.get(WriteBatcher.MAX_IN_FLIGHT))).containsExactly("kept");
    }

    @Test
    void failedEntry_failsEveryWriteInIt() {
        for (int i = 0; i < WriteBatcher.MAX_IN_FLIGHT; i++) {
            batcher.submit(put("busy" + i, 1));
        }
        CompletableFuture<RaftClientReply> a = batcher.submit(put("a", 1));
        CompletableFuture<RaftClientReply> b = batcher.submit(put("b", 1));
        replies.get(0).complete(reply());
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == WriteBatcher.MAX_IN_FLIGHT + 1);
        replies.get(WriteBatcher.MAX_IN_FLIGHT).completeExceptionally(new IllegalStateException("boom"));
        assertThatThrownBy(a::get).isInstanceOf(ExecutionException.class).hasRootCauseMessage("boom");
        assertThatThrownBy(b::get).isInstanceOf(ExecutionException.class).hasRootCauseMessage("boom");
    }

    @Test
    void close_failsQueuedWritesAndRefusesNewOnes() {
        for (int i = 0; i < WriteBatcher.MAX_IN_FLIGHT; i++) {
            batcher.submit(put("busy" + i, 1));
        }
        CompletableFuture<RaftClientReply> queued = batcher.submit(put("queued", 1));
        batcher.close();
        assertThatThrownBy(queued::get).hasCauseInstanceOf(AlreadyClosedException.class);
        assertThatThrownBy(() -> batcher.submit(put("late", 1)).get()).hasCauseInstanceOf(AlreadyClosedException.class);
    }
}
