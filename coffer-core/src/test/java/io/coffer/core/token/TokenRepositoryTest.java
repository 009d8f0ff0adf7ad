package io.coffer.core.token;

import static io.coffer.core.token.TokenFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.storage.StoredJson;
import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.StorageEntry;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TokenRepositoryTest {
    private final TokenFixture f = new TokenFixture();

    /** Every key under {@code prefix}, depth first. */
    private static List<String> allKeys(Storage storage, String prefix) {
        List<String> out = new ArrayList<>();
        for (String child : storage.list(prefix)) {
            if (child.endsWith("/")) {
                out.addAll(allKeys(storage, prefix + child));
            } else {
                out.add(prefix + child);
            }
        }
        return out;
    }

    @Test
    void save_indexesByIdAccessorAndParent() {
        TokenEntry parent = f.create(spec());
        TokenEntry child = f.create(spec().parent(parent));
        TokenEntry other = f.create(spec().parent(parent));

        assertThat(f.repository.byId(child.id())).isEqualTo(child);
        assertThat(f.repository.byAccessor(child.accessor())).isEqualTo(child);
        assertThat(f.repository.children(parent.id())).containsExactlyInAnyOrder(child, other);
        assertThat(f.repository.children(child.id())).isEmpty();
        assertThat(f.repository.accessors()).containsExactlyInAnyOrder(parent.accessor(), child.accessor(), other.accessor());
        assertThat(f.repository.all()).containsExactlyInAnyOrder(parent, child, other);
    }

    @Test
    void save_storageKeysNeverContainIdsOrAccessorsInClear() {
        TokenEntry parent = f.create(spec().id("custom-root-like-id"));
        TokenEntry child = f.create(spec().parent(parent));

        List<String> keys = allKeys(f.storage, "");

        assertThat(keys).hasSize(5).allSatisfy(key -> {
            assertThat(key).matches("(id|accessor)/[0-9a-f]{64}|parent/[0-9a-f]{64}/[0-9a-f]{64}");
            for (TokenEntry e : List.of(parent, child)) {
                assertThat(key).doesNotContain(e.id()).doesNotContain(e.accessor());
            }
        });
        assertThat(keys).contains("id/" + f.hasher.hash(parent.id()),
                "accessor/" + f.hasher.hash(child.accessor()),
                "parent/" + f.hasher.hash(parent.id()) + "/" + f.hasher.hash(child.id()));
    }

    @Test
    void hasher_differentSalt_differentKeys() {
        TokenHasher other = new TokenHasher(new byte[32]);

        assertThat(other.hash("hvs.abc")).isNotEqualTo(f.hasher.hash("hvs.abc")).hasSize(64);
        assertThat(f.hasher.hash("hvs.abc")).isEqualTo(f.hasher.hash("hvs.abc"));
    }

    @Test
    void delete_removesEntryAndEveryIndex() {
        TokenEntry parent = f.create(spec());
        TokenEntry child = f.create(spec().parent(parent));

        f.repository.delete(child);

        assertThat(f.repository.byId(child.id())).isNull();
        assertThat(f.repository.byAccessor(child.accessor())).isNull();
        assertThat(f.repository.children(parent.id())).isEmpty();
        assertThat(f.repository.accessors()).containsExactly(parent.accessor());
        assertThat(allKeys(f.storage, "")).hasSize(2);
    }

    @Test
    void unlinkChild_removesLineageOnly() {
        TokenEntry parent = f.create(spec());
        TokenEntry child = f.create(spec().parent(parent));

        f.repository.unlinkChild(parent.id(), child);

        assertThat(f.repository.children(parent.id())).isEmpty();
        assertThat(f.repository.byId(child.id())).isEqualTo(child);
    }

    @Test
    void children_danglingLink_skippedAndCleanedUp() {
        TokenEntry parent = f.create(spec());
        String link = "parent/" + f.hasher.hash(parent.id()) + "/" + f.hasher.hash("hvs.gone");
        f.storage.put(new StorageEntry(link, new byte[0]));

        assertThat(f.repository.children(parent.id())).isEmpty();
        assertThat(f.storage.get(link)).isNull();
    }

    @Test
    void update_rewritesEntryReadBackByFreshRepository() {
        TokenEntry e = f.create(spec().numUses(3));

        f.repository.update(e.withNumUses(1));

        TokenRepository fresh = new TokenRepository(f.storage, new StoredJson(), f.hasher);
        assertThat(fresh.byId(e.id()).numUses()).isEqualTo(1);
        assertThat(fresh.byAccessor(e.accessor()).numUses()).isEqualTo(1);
    }

    @Test
    void byId_cachedEntryDroppedByClearCache_readsStorageAgain() {
        TokenEntry e = f.create(spec());
        f.storage.delete("id/" + f.hasher.hash(e.id()));

        assertThat(f.repository.byId(e.id())).isEqualTo(e);
        f.repository.clearCache();
        assertThat(f.repository.byId(e.id())).isNull();
    }
}
