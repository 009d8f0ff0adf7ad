package io.coffer.raft.statemachine;

import io.coffer.core.physical.InmemBackend;
import io.coffer.sdk.logical.StorageEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoreKeysTest {

    @Test
    void all_findsEveryKeyIncludingEmptyAndFolderKeys_inUtf8Order() {
        InmemBackend store = new InmemBackend();
        for (String key : new String[] {"b", "a/", "a/b/c", "a//d", "", "\uD83D\uDE00", "\uE000", "z/y"}) {
            store.put(new StorageEntry(key, new byte[] {1}));
        }
        assertThat(StoreKeys.all(store)).containsExactly("", "a/", "a//d", "a/b/c", "b", "z/y", "\uE000", "\uD83D\uDE00");
    }

    @Test
    void all_emptyStore_hasNoKeys() {
        assertThat(StoreKeys.all(new InmemBackend())).isEmpty();
    }
}
