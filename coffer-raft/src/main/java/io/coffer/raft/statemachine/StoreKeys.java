package io.coffer.raft.statemachine;

import io.coffer.sdk.logical.Storage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Every key of a store, found through the {@link Storage} interface alone: folders are walked
 * with {@code list}, and each folder prefix (and the empty key) is also looked up with
 * {@code get}, since {@code list} never returns a key equal to the prefix it lists. Costs one
 * {@code list} and one {@code get} per folder, plus the keys themselves.
 */
public final class StoreKeys {

    private StoreKeys() {
    }

    /** Every key of {@code store}, in ascending order of their UTF-8 bytes. */
    public static List<String> all(Storage store) {
        List<String> out = new ArrayList<>();
        Deque<String> folders = new ArrayDeque<>();
        folders.push("");
        while (!folders.isEmpty()) {
            String prefix = folders.pop();
            if (store.get(prefix) != null) {
                out.add(prefix);
            }
            for (String child : store.list(prefix)) {
                String key = prefix + child;
                if (child.endsWith("/")) {
                    folders.push(key);
                } else {
                    out.add(key);
                }
            }
        }
        List<byte[]> encoded = new ArrayList<>(out.size());
        out.forEach(k -> encoded.add(k.getBytes(StandardCharsets.UTF_8)));
        List<Integer> order = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Arrays.compareUnsigned(encoded.get(a), encoded.get(b)));
        List<String> sorted = new ArrayList<>(out.size());
        order.forEach(i -> sorted.add(out.get(i)));
        return sorted;
    }
}
