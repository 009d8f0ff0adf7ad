package io.coffer.builtin.harness;

import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.StorageEntry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A thread-safe in-memory {@link Storage} over a sorted map, implementing the list contract:
 * the sorted immediate children of a prefix, a child with descendants once with a trailing
 * {@code /} (a key that is both a leaf and a folder appears twice, as {@code a} and {@code a/}).
 */
public final class InMemoryStorage implements Storage {
    private final ConcurrentSkipListMap<String, byte[]> entries = new ConcurrentSkipListMap<>();
    private final Map<String, LongAdder> reads = new ConcurrentHashMap<>();

    @Override
    public StorageEntry get(String key) {
        reads.computeIfAbsent(key, k -> new LongAdder()).increment();
        byte[] value = entries.get(key);
        return value == null ? null : new StorageEntry(key, value);
    }

    @Override
    public void put(StorageEntry entry) {
        entries.put(entry.key(), entry.value());
    }

    @Override
    public void delete(String key) {
        entries.remove(key);
    }

    @Override
    public List<String> list(String prefix) {
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            throw new IllegalArgumentException("prefix must be empty or end in /");
        }
        NavigableSet<String> children = new TreeSet<>();
        for (String key : entries.tailMap(prefix, true).keySet()) {
            if (!key.startsWith(prefix)) {
                break;
            }
            String rest = key.substring(prefix.length());
            int slash = rest.indexOf('/');
            children.add(slash < 0 ? rest : rest.substring(0, slash + 1));
        }
        return new ArrayList<>(children);
    }

    /** How many times {@link #get} was called for {@code key}, present or not (for assertions). */
    public long reads(String key) {
        LongAdder count = reads.get(key);
        return count == null ? 0 : count.sum();
    }

    /** Every stored key, sorted (for assertions). */
    public List<String> keys() {
        return new ArrayList<>(entries.keySet());
    }

    /** The stored bytes at {@code key} as UTF-8 text, or {@code null}. */
    public String text(String key) {
        byte[] value = entries.get(key);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** A copy of every entry (for before/after comparisons). */
    public Map<String, String> snapshot() {
        Map<String, String> out = new java.util.TreeMap<>();
        entries.forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
        return out;
    }
}
