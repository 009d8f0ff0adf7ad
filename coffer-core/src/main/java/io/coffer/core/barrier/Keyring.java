package io.coffer.core.barrier;

import io.coffer.crypto.SecretBytes;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The barrier's set of data-encryption keys, one per term, plus the root key that encrypts
 * the keyring itself. The highest term is the active one: new writes use it, older terms stay
 * readable. Immutable: {@link #withNewTerm} returns a new keyring.
 */
public final class Keyring {
    /** The format version written by {@link KeyringCodec}. */
    public static final int FORMAT_VERSION = 1;

    private final SecretBytes rootKey;
    private final TreeMap<Integer, Term> terms;

    /** One data-encryption key and when it was installed. */
    public record Term(int term, SecretBytes key, Instant installTime) {
        @Override
        public String toString() {
            return "Term[" + term + ", installed " + installTime + "]";
        }
    }

    public Keyring(SecretBytes rootKey, Map<Integer, Term> terms) {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("keyring needs at least one term");
        }
        this.rootKey = rootKey;
        this.terms = new TreeMap<>(terms);
    }

    /** A keyring with a single term 1 key. */
    public static Keyring create(SecretBytes rootKey, SecretBytes firstKey, Instant now) {
        return new Keyring(rootKey, Map.of(1, new Term(1, firstKey, now)));
    }

    public SecretBytes rootKey() {
        return rootKey;
    }

    public int activeTerm() {
        return terms.lastKey();
    }

    public Term term(int term) {
        return terms.get(term);
    }

    public Map<Integer, Term> terms() {
        return Collections.unmodifiableMap(terms);
    }

    /** This keyring plus a new active term holding {@code key}. */
    public Keyring withNewTerm(SecretBytes key, Instant now) {
        Map<Integer, Term> next = new TreeMap<>(terms);
        int term = activeTerm() + 1;
        next.put(term, new Term(term, key, now));
        return new Keyring(rootKey, next);
    }

    /** Zeroes every key held. */
    public void destroy() {
        rootKey.close();
        terms.values().forEach(t -> t.key().close());
    }

    @Override
    public String toString() {
        return "Keyring[active term " + activeTerm() + ", " + terms.size() + " terms]";
    }
}
