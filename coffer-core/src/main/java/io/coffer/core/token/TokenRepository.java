package io.coffer.core.token;

import io.coffer.core.storage.StoredJson;
import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.StorageChange;
import io.coffer.sdk.logical.StorageEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Stores token entries and their indexes in the token store's view ({@code sys/token/}):
 * {@code id/<hmac(id)>} the entry, {@code accessor/<hmac(accessor)>} the accessor index,
 * {@code parent/<hmac(parent)>/<hmac(child)>} the lineage. Keeps a read cache of entries that
 * every write and delete passes through, so the cache never disagrees with storage on this node.
 */
public final class TokenRepository {
    /** A salted id: HMAC-SHA256 in lower-case hex. */
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private final Storage storage;
    private final StoredJson json;
    private final TokenHasher hasher;
    private final Map<String, TokenEntry> cache = new ConcurrentHashMap<>();

    /** The stored accessor index record. */
    record AccessorIndex(int formatVersion, String accessor, String tokenHash) {
    }

    public TokenRepository(Storage storage, StoredJson json, TokenHasher hasher) {
        this.storage = storage;
        this.json = json;
        this.hasher = hasher;
    }

    /**
     * The entry of {@code id}, from the cache or storage. A miss is filled atomically per key, so
     * a concurrent {@link #delete} (storage first, then the cache) can never leave a revoked
     * entry cached.
     */
    TokenEntry byId(String id) {
        TokenEntry cached = cache.get(id);
        if (cached != null) {
            return cached;
        }
        return cache.computeIfAbsent(id, k -> json.read(storage, "id/" + hasher.hash(k), TokenEntry.class));
    }

    TokenEntry byAccessor(String accessor) {
        AccessorIndex index = json.read(storage, "accessor/" + hasher.hash(accessor), AccessorIndex.class);
        return index == null ? null : json.read(storage, "id/" + index.tokenHash(), TokenEntry.class);
    }

    /**
     * Stores a new entry with its accessor and lineage indexes in one atomic batch (one fsync on
     * a file store, one log entry on Raft): all of them land, or none.
     */
    void save(TokenEntry entry) {
        String hash = hasher.hash(entry.id());
        List<StorageChange> changes = new ArrayList<>(3);
        changes.add(StorageChange.put(new StorageEntry("id/" + hash, json.encode(entry))));
        changes.add(StorageChange.put(new StorageEntry("accessor/" + hasher.hash(entry.accessor()),
                json.encode(new AccessorIndex(TokenEntry.FORMAT_VERSION, entry.accessor(), hash)))));
        if (!entry.parent().isEmpty()) {
            changes.add(StorageChange.put(new StorageEntry("parent/" + hasher.hash(entry.parent()) + "/" + hash,
                    new byte[0])));
        }
        storage.applyBatch(changes);
        cache.put(entry.id(), entry);
    }

    /** Rewrites an entry whose indexes do not change (uses, renewal). */
    void update(TokenEntry entry) {
        json.write(storage, "id/" + hasher.hash(entry.id()), entry);
        cache.put(entry.id(), entry);
    }

    void delete(TokenEntry entry) {
        String hash = hasher.hash(entry.id());
        storage.delete("id/" + hash);
        storage.delete("accessor/" + hasher.hash(entry.accessor()));
        if (!entry.parent().isEmpty()) {
            storage.delete("parent/" + hasher.hash(entry.parent()) + "/" + hash);
        }
        cache.remove(entry.id());
    }

    /** Removes the lineage link of a child whose parent is going away. */
    void unlinkChild(String parentId, TokenEntry child) {
        storage.delete("parent/" + hasher.hash(parentId) + "/" + hasher.hash(child.id()));
    }

    /** The direct children of the token {@code parentId}. */
    List<TokenEntry> children(String parentId) {
        String prefix = "parent/" + hasher.hash(parentId) + "/";
        List<TokenEntry> out = new ArrayList<>();
        for (String childHash : storage.list(prefix)) {
            TokenEntry child = json.read(storage, "id/" + childHash, TokenEntry.class);
            if (child == null) {
                storage.delete(prefix + childHash);
            } else {
                out.add(child);
            }
        }
        return out;
    }

    List<String> accessors() {
        List<String> out = new ArrayList<>();
        for (String key : storage.list("accessor/")) {
            AccessorIndex index = json.read(storage, "accessor/" + key, AccessorIndex.class);
            if (index != null) {
                out.add(index.accessor());
            }
        }
        return out;
    }

    /** Every stored entry; used to rebuild expiry schedules on unseal. */
    List<TokenEntry> all() {
        List<TokenEntry> out = new ArrayList<>();
        for (String key : storage.list("id/")) {
            TokenEntry e = json.read(storage, "id/" + key, TokenEntry.class);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** The roles kept in the same view, under {@code roles/}. */
    TokenRoleStore roleStore() {
        return new TokenRoleStore(storage, json);
    }

    /** The salted HMAC of a token id under which its entry is stored ({@code id/<hash>}). */
    String hash(String id) {
        return hasher.hash(id);
    }

    /**
     * The stored entry whose id hashes to {@code hash} (64 lower-case hex digits; anything else
     * is no entry), or {@code null}; bypasses the cache.
     */
    TokenEntry byHash(String hash) {
        if (!HEX.matcher(hash).matches()) {
            return null;
        }
        return json.read(storage, "id/" + hash, TokenEntry.class);
    }

    void clearCache() {
        cache.clear();
    }
}
