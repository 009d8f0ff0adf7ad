package io.coffer.raft;

import io.coffer.core.ha.Snapshot;
import io.coffer.sdk.logical.StorageEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Save a snapshot on one cluster, read it back, restore it onto another: everything replaced on every member. */
@Timeout(120)
class RaftStorageSnapshotTest {
    private static final int RESTORE_LIMIT = 8 * 1024 * 1024;

    @Test
    void saveReadRestore_acrossClusters_replacesEveryMembersStoreAndRunsTheirListeners(@TempDir Path temp) throws Exception {
        try (StorageCluster source = StorageCluster.of(temp.resolve("source"), 1);
             StorageCluster target = new StorageCluster(temp.resolve("target"), 2, Duration.ofSeconds(30),
                     (i, b) -> b.maxRestoreSize(RESTORE_LIMIT))) {
            // the source: awkward keys, and more data than one ordinary entry (1 MiB) may carry
            RaftStorage src = source.bootstrap(0);
            Map<String, byte[]> written = new TreeMap<>();
            written.put("", bytes("the empty key"));
            written.put("a/", bytes("a key that is also a folder"));
            written.put("a/b", bytes("child"));
            written.put("a//c", bytes("double slash"));
            written.put("ключ/键/🔑", bytes("unicode"));
            written.put("\uE000", bytes("after U+FFFF in Java order, before it in UTF-8 order"));
            written.put("\uD83D\uDE00", bytes("a supplementary character"));
            written.put("empty-value", new byte[0]);
            for (int i = 0; i < 48; i++) {
                byte[] big = new byte[100 * 1024];
                Arrays.fill(big, (byte) i);
                written.put("big/" + i, big);
            }
            written.forEach((k, v) -> src.put(new StorageEntry(k, v)));

            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            src.saveSnapshot(saved);
            src.put(new StorageEntry("after-save", bytes("not in the snapshot")));
            assertThat(saved.size()).isLessThan(1024 * 1024); // gzip'd: the big values compress well
            try (Stream<Path> files = Files.list(source.directory(0))) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("snapshot-export-"));
            }

            // the source cluster's own max_restore_size (2 MiB) is too small to restore it: refused on reading
            assertThatThrownBy(() -> src.readSnapshot(new ByteArrayInputStream(saved.toByteArray())))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above the limit");

            // the target: a two-member cluster with other data, listeners on both
            RaftStorage leader = target.bootstrap(0);
            target.join(0, 1);
            target.awaitVoters(0, "node-0", "node-1");
            Snapshot snapshot = leader.readSnapshot(new ByteArrayInputStream(saved.toByteArray()));
            assertThat(snapshot.nodeId()).isEqualTo("node-0");
            assertThat(snapshot.appliedIndex()).isPositive().isLessThan(src.appliedIndex());
            assertThat(hex(snapshot.asMap())).isEqualTo(hex(written));
            List<String> keys = new ArrayList<>();
            snapshot.entries().forEach(e -> keys.add(e.key()));
            assertThat(keys).startsWith("", "a/", "a//c", "a/b").endsWith("\uE000", "\uD83D\uDE00");

            leader.put(new StorageEntry("old/only-here", bytes("gone after the restore")));
            leader.put(new StorageEntry("a/b", bytes("overwritten by the restore")));
            target.awaitContents(StorageCluster.contents(leader), 1);
            AtomicInteger[] replaced = {new AtomicInteger(), new AtomicInteger()};
            for (int i = 0; i < 2; i++) {
                target.node(i).addStoreReplacedListener(replaced[i]::incrementAndGet);
            }

            assertThatThrownBy(() -> target.node(1).restore(snapshot))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("not the Raft leader");
            leader.restore(snapshot);
            // on the leader the listeners already ran when restore returns
            assertThat(replaced[0].get()).isEqualTo(1);
            assertThat(hex(TestCluster.contents(leader, ""))).isEqualTo(hex(withoutEmptyAndFolderKeys(written)));
            assertThat(leader.get("").value()).isEqualTo(bytes("the empty key"));
            assertThat(leader.get("a/").value()).isEqualTo(bytes("a key that is also a folder"));
            assertThat(leader.get("old/only-here")).isNull();
            await().atMost(StorageCluster.CONVERGE).until(() -> replaced[1].get() == 1);
            RaftStorage follower = target.node(1);
            assertThat(hex(TestCluster.contents(follower, ""))).isEqualTo(hex(withoutEmptyAndFolderKeys(written)));
            assertThat(follower.get("").value()).isEqualTo(bytes("the empty key"));

            // the cluster goes on writing, and the follower reads its log (with the large entry) back after a restart
            leader.put(new StorageEntry("after-restore", bytes("1")));
            target.stop(1);
            RaftStorage again = target.open(1);
            // (in a two-member cluster either may lead after that)
            RaftStorage current = target.node(target.awaitLeader(0, 1));
            target.awaitContents(StorageCluster.contents(current), 0, 1);
            assertThat(again.get("big/47").value()).hasSize(100 * 1024);
            assertThat(again.get("after-restore").value()).isEqualTo(bytes("1"));
            assertThat(target.failStop(0).reasons()).isEmpty();
            assertThat(target.failStop(1).reasons()).isEmpty();

            // a restore above max_restore_size is refused before anything is written
            byte[] huge = new byte[RESTORE_LIMIT / 2];
            Snapshot tooLarge = new Snapshot("x", 1, List.of(new StorageEntry("h1", huge), new StorageEntry("h2", huge)));
            long index = current.appliedIndex();
            for (int i = 0; i < 2; i++) {
                RaftStorage node = target.node(i);
                assertThatThrownBy(() -> node.restore(tooLarge))
                        .isInstanceOf(EntryTooLargeException.class)
                        .hasMessageContaining("max_restore_size limit of " + RESTORE_LIMIT);
            }
            assertThat(current.get("after-restore")).isNotNull();
            assertThat(current.appliedIndex()).isEqualTo(index);
            assertThat(replaced[0].get()).isEqualTo(1);
        }
    }

    /** What recursive listing finds: every key but the empty one and those equal to a folder prefix. */
    private static Map<String, byte[]> withoutEmptyAndFolderKeys(Map<String, byte[]> all) {
        Map<String, byte[]> out = new TreeMap<>(all);
        out.remove("");
        out.remove("a/");
        return out;
    }

    private static Map<String, String> hex(Map<String, byte[]> m) {
        Map<String, String> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, HexFormat.of().formatHex(v)));
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
