package io.coffer.server.config;

import io.coffer.core.hcl.HclObject;
import io.coffer.core.hcl.Snippet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The items of one block of a server configuration (or of the top level, possibly merged from
 * several files), with typed access and error messages that name the key, the block, the file,
 * the line and — for JSON — the JSON path. Blocks are found the same way in both syntaxes: HCL's
 * {@code listener "tcp" { … }} and JSON's {@code "listener": [{"tcp": {…}}]} (or
 * {@code {"tcp": {…}}}) give the same {@code listener "tcp"} section.
 */
final class Section {

    /** The file an item comes from: its display name and whether it is JSON. */
    record Source(String name, boolean json) {
    }

    /** One item with its file and its JSON path (meaningful for JSON sources only). */
    record Entry(HclObject.Item item, Source source, String jsonPath) {

        String key() {
            return item.key();
        }

        Object value() {
            return item.value();
        }
    }

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String name;
    private final String context;
    private final Entry opener;
    private final List<Entry> entries;

    private Section(String name, String context, Entry opener, List<Entry> entries) {
        this.name = name;
        this.context = context;
        this.opener = opener;
        this.entries = List.copyOf(entries);
    }

    /** The top level of one or more files, their items in order. */
    static Section top(Map<Source, HclObject> files) {
        List<Entry> entries = new ArrayList<>();
        files.forEach((source, root) -> root.items().forEach(i -> entries.add(new Entry(i, source, childPath("$", i.key())))));
        return new Section(null, "at top level", null, entries);
    }

    /** The block name, e.g. {@code listener "tcp"}; {@code null} at top level. */
    String name() {
        return name;
    }

    /** The item that opened this block; {@code null} at top level. */
    Entry opener() {
        return opener;
    }

    /** Refuses the first item whose key is not in {@code known}; keys in {@code unsupported} get a hint. */
    void requireKnownKeys(Collection<String> known, Collection<String> unsupported) {
        for (Entry e : entries) {
            if (known.contains(e.key())) {
                continue;
            }
            if (unsupported.contains(e.key())) {
                throw new ServerConfigException("unsupported key " + Snippet.quote(e.key()) + " " + context + " "
                        + position(e) + ": Coffer does not implement this Vault setting", e.item().line());
            }
            String valid = known.isEmpty() ? "this block takes no keys" : "valid keys: " + String.join(", ", known);
            throw new ServerConfigException("unknown key " + Snippet.quote(e.key()) + " " + context + " "
                    + position(e) + "; " + valid, e.item().line());
        }
    }

    /** Every item named {@code key}, in order. */
    List<Entry> all(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).toList();
    }

    /** The item named {@code key} if present; a second one is an error naming both. */
    Optional<Entry> single(String key) {
        List<Entry> found = all(key);
        if (found.size() > 1) {
            Entry second = found.get(1);
            throw error(second, "is already set " + position(found.get(0)));
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Entry e = found.get(0);
        if (!e.item().labels().isEmpty()) {
            throw error(e, "must be set with '=', not as a block");
        }
        return Optional.of(e);
    }

    /** The value of {@code key} converted by {@code type} (one of {@link Values}' methods). */
    <T> Optional<T> get(String key, Function<Object, T> type) {
        return single(key).map(e -> convert(e, type));
    }

    /** Like {@link #get} but the key must be present. */
    <T> T require(String key, Function<Object, T> type) {
        return get(key, type).orElseThrow(() -> missing(key));
    }

    <T> T convert(Entry e, Function<Object, T> type) {
        try {
            return type.apply(e.value());
        } catch (IllegalArgumentException ex) {
            throw error(e, ex.getMessage());
        }
    }

    /**
     * The blocks named {@code key} with exactly {@code labelCount} labels, in order: HCL labels
     * ({@code key "a" { … }}) and nested objects ({@code key = { a = { … } }}, JSON's
     * {@code "key": {"a": {…}}}) alike; a list of such objects gives one block per element.
     */
    List<Section> blocks(String key, int labelCount) {
        List<Section> out = new ArrayList<>();
        for (Entry e : all(key)) {
            expand(e, e.item().keys(), e.value(), e.jsonPath(), labelCount + 1, out);
        }
        return out;
    }

    private void expand(Entry at, List<String> keys, Object value, String path, int keyCount, List<Section> out) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                expand(at, keys, list.get(i), path + "[" + i + "]", keyCount, out);
            }
            return;
        }
        if (!(value instanceof HclObject body)) {
            throw error(at, "must be a block, got " + Values.describe(value));
        }
        if (keys.size() > keyCount) {
            throw error(at, "has too many labels: expected " + (keyCount - 1) + ", got " + (keys.size() - 1));
        }
        if (keys.size() == keyCount) {
            out.add(child(at, keys, body, path));
            return;
        }
        if (body.items().isEmpty()) {
            throw error(at, "needs a type label, e.g. " + keys.get(0) + " \"TYPE\" { … }");
        }
        for (HclObject.Item nested : body.items()) {
            Entry inner = new Entry(nested, at.source(), childPath(path, nested.key()));
            List<String> longer = new ArrayList<>(keys);
            longer.addAll(nested.keys());
            expand(inner, longer, nested.value(), inner.jsonPath(), keyCount, out);
        }
    }

    private Section child(Entry at, List<String> keys, HclObject body, String path) {
        StringBuilder n = new StringBuilder(keys.get(0));
        for (String label : keys.subList(1, keys.size())) {
            n.append(' ').append(Snippet.quote(label));
        }
        String childName = n.toString();
        String childContext = "in the " + childName + " block" + (name == null ? "" : " of " + name);
        List<Entry> items = new ArrayList<>();
        for (HclObject.Item i : body.items()) {
            items.add(new Entry(i, at.source(), childPath(path, i.key())));
        }
        Entry opener = new Entry(new HclObject.Item(keys, body, at.item().line(), at.item().column()), at.source(), path);
        return new Section(childName, childContext, opener, items);
    }

    /** {@code KEY CONTEXT on line N of FILE PROBLEM}, e.g. {@code address in the listener "tcp" block …}. */
    ServerConfigException error(Entry e, String problem) {
        return new ServerConfigException(e.key() + " " + context + " " + position(e) + " " + problem, e.item().line());
    }

    /** A required key that is absent. */
    ServerConfigException missing(String key) {
        return missing(key, "");
    }

    /** A required key that is absent, with a hint such as {@code unless tls_disable = true}. */
    ServerConfigException missing(String key, String condition) {
        String where = opener == null ? "at top level" : context + " " + position(opener);
        return new ServerConfigException(key + " is required " + where + (condition.isEmpty() ? "" : " " + condition),
                opener == null ? 0 : opener.item().line());
    }

    /** Where an item is: {@code on line N of FILE}, for JSON {@code at $.a.b on line N of FILE}. */
    static String position(Entry e) {
        String line = e.item().line() > 0 ? "on line " + e.item().line() + " of " : "in ";
        if (e.source().json()) {
            return "at " + e.jsonPath() + " " + line + e.source().name();
        }
        return line + e.source().name();
    }

    private static String childPath(String parent, String key) {
        return parent + (PLAIN_KEY.matcher(key).matches() ? "." + key : "[" + Snippet.quote(key) + "]");
    }
}
