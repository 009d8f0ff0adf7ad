package io.coffer.raft.snapshot;

import io.coffer.core.ha.Snapshot;
import io.coffer.sdk.logical.StorageEntry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of snapshot reading: any store round-trips; any damage to a valid snapshot is either
 * refused with {@link IllegalArgumentException} or changes nothing that is read (bytes no checksum
 * covers, such as the gzip header's time stamp); arbitrary bytes in a checksummed state.bin never
 * escape as another exception or an outsized allocation.
 */
class SnapshotArchivePropertiesTest {
    private static final long LIMIT = 256 * 1024;
    private static final Path TEMP;
    private static final byte[] VALID;
    private static final Snapshot ORIGINAL;

    static {
        try {
            TEMP = Files.createTempDirectory("snapshot-props");
            TEMP.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        VALID = Archives.valid(Archives.sampleEntries(), TEMP);
        ORIGINAL = read(VALID);
    }

    private static Snapshot read(byte[] archive) {
        return SnapshotArchive.read(new ByteArrayInputStream(archive), LIMIT);
    }

    @Property(tries = 60)
    void anyStore_roundTrips(@ForAll("stores") TreeMap<String, byte[]> store) {
        List<StorageEntry> entries = new ArrayList<>();
        store.forEach((k, v) -> entries.add(new StorageEntry(k, v)));
        entries.sort((a, b) -> Arrays.compareUnsigned(a.key().getBytes(StandardCharsets.UTF_8), b.key().getBytes(StandardCharsets.UTF_8)));
        assertThat(read(Archives.valid(entries, TEMP)).entries()).containsExactlyElementsOf(entries);
    }

    @Property(tries = 400)
    void damagedSnapshot_isRefusedOrReadsTheSame(@ForAll("damage") byte[] damaged) {
        Snapshot got;
        try {
            got = read(damaged);
        } catch (IllegalArgumentException e) {
            assertThat(e).hasMessageStartingWith("not a valid Coffer Raft snapshot: ");
            Statistics.collect("refused");
            return;
        }
        Statistics.collect("read the same");
        assertThat(got).isEqualTo(ORIGINAL);
    }

    @Property(tries = 300)
    void arbitraryStateBytes_areRefusedOrDecodedNeverAnythingElse(@ForAll @Size(max = 200) byte[] records,
                                                                  @ForAll @IntRange(min = 0, max = 1000) int declared) {
        byte[] state = Archives.rawState(declared, records);
        try {
            Snapshot s = read(Archives.consistent(Archives.meta(declared), state));
            assertThat(s.entries()).hasSize(declared);
        } catch (IllegalArgumentException e) {
            assertThat(e).hasMessageStartingWith("not a valid Coffer Raft snapshot: ");
        }
    }

    @Provide
    Arbitrary<TreeMap<String, byte[]>> stores() {
        Arbitrary<String> keys = Arbitraries.strings().ofMaxLength(12)
                .withChars("ab/ꙮ\u00e9").withCharRange('0', '9');
        Arbitrary<byte[]> values = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        return Arbitraries.maps(keys, values).ofMaxSize(20).map(TreeMap::new);
    }

    /** A valid snapshot with one byte changed, bytes cut off, or a byte inserted. */
    @Provide
    Arbitrary<byte[]> damage() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, VALID.length - 1);
        Arbitrary<Byte> value = Arbitraries.bytes();
        Arbitrary<byte[]> changed = Combinators.combine(at, value).as((i, b) -> {
            byte[] c = VALID.clone();
            c[i] = c[i] == b ? (byte) (b + 1) : b;
            return c;
        });
        Arbitrary<byte[]> cut = at.map(i -> Arrays.copyOf(VALID, i));
        Arbitrary<byte[]> inserted = Combinators.combine(at, value).as((i, b) -> {
            byte[] c = new byte[VALID.length + 1];
            System.arraycopy(VALID, 0, c, 0, i);
            c[i] = b;
            System.arraycopy(VALID, i, c, i + 1, VALID.length - i);
            return c;
        });
        return Arbitraries.oneOf(changed, cut, inserted);
    }
}
