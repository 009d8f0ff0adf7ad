package io.coffer.core.policy;

import io.coffer.core.storage.StoredJson;
import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ACL policy store: named policies kept as versioned JSON records
 * ({@code {format_version, name, policy}}) under {@code sys/policy/}, with the built-in
 * {@code root} (virtual, immutable) and {@code default} (created on first use, rewritable, not
 * deletable). Parsed policies and the compiled {@link Acl} of each policy set are cached and
 * dropped on every change.
 */
public final class PolicyStore {
    static final int FORMAT_VERSION = 1;

    private final Storage storage;
    private final StoredJson json;
    private final PolicyParser parser = new PolicyParser();
    private final Map<String, Policy> policies = new ConcurrentHashMap<>();
    private final Map<List<String>, Acl> acls = new ConcurrentHashMap<>();

    /** The stored form of one policy. */
    public record StoredPolicy(int formatVersion, String name, String policy) {
    }

    public PolicyStore(Storage storage, StoredJson json) {
        this.storage = storage;
        this.json = json;
    }

    /** Creates the {@code default} policy if it is not stored yet. */
    public void ensureDefault() {
        if (json.read(storage, BuiltinPolicies.DEFAULT, StoredPolicy.class) == null) {
            put(BuiltinPolicies.DEFAULT, BuiltinPolicies.DEFAULT_POLICY_TEXT);
        }
    }

    /** The policy named {@code name} (lower-cased), or {@code null}. */
    public Policy get(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (BuiltinPolicies.ROOT.equals(n)) {
            return null;
        }
        Policy cached = policies.get(n);
        if (cached != null) {
            return cached;
        }
        return policies.computeIfAbsent(n, key -> {
            StoredPolicy stored = json.read(storage, key, StoredPolicy.class);
            return stored == null ? null : parser.parse(stored.name(), stored.policy());
        });
    }

    /**
     * Parses and stores a policy.
     *
     * @throws InvalidRequestException for {@code root}, an empty text or a parse failure
     */
    public synchronized Policy put(String name, String text) {
        String n = name.toLowerCase(Locale.ROOT);
        if (BuiltinPolicies.ROOT.equals(n)) {
            throw new InvalidRequestException("cannot update \"root\" policy");
        }
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("'policy' parameter not supplied or empty");
        }
        Policy parsed = parser.parse(n, text);
        json.write(storage, n, new StoredPolicy(FORMAT_VERSION, n, text));
        policies.put(n, parsed);
        acls.clear();
        return parsed;
    }

    /** Deletes a policy; deleting an absent one is a no-op. */
    public synchronized void delete(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (BuiltinPolicies.ROOT.equals(n)) {
            throw new InvalidRequestException("cannot delete \"root\" policy");
        }
        if (BuiltinPolicies.DEFAULT.equals(n)) {
            throw new InvalidRequestException("cannot delete default policy");
        }
        storage.delete(n);
        policies.remove(n);
        acls.clear();
    }

    /** Stored policy names, sorted, with {@code root} when {@code withRoot}. */
    public List<String> names(boolean withRoot) {
        TreeSet<String> names = new TreeSet<>();
        for (String key : storage.list("")) {
            if (!key.endsWith("/")) {
                names.add(key);
            }
        }
        if (withRoot) {
            names.add(BuiltinPolicies.ROOT);
        }
        return new ArrayList<>(names);
    }

    /** The compiled ACL of a set of policy names; unknown names contribute nothing. */
    public Acl acl(List<String> names) {
        Acl cached = acls.get(names);
        if (cached != null) {
            return cached;
        }
        return compileAcl(names);
    }

    /**
     * Compiles and caches the ACL of {@code names} under the same lock as {@link #put} and
     * {@link #delete}, so an ACL compiled from a policy that is being replaced is never cached
     * after the replacement cleared the cache.
     */
    private synchronized Acl compileAcl(List<String> names) {
        Acl acl;
        if (names.contains(BuiltinPolicies.ROOT)) {
            acl = Acl.root();
        } else {
            List<Policy> found = new ArrayList<>();
            for (String n : names) {
                Policy p = get(n);
                if (p != null) {
                    found.add(p);
                }
            }
            acl = Acl.of(found);
        }
        acls.put(List.copyOf(names), acl);
        return acl;
    }
}
