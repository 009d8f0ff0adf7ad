package io.coffer.builtin.auth.userpass;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link PasswordHasher} that records every check (the hash checked against) and counts hashes. */
final class CountingHasher implements PasswordHasher {
    private final PasswordHasher delegate;
    private final List<String> verifiedAgainst = new CopyOnWriteArrayList<>();
    private final AtomicInteger hashes = new AtomicInteger();

    CountingHasher(PasswordHasher delegate) {
        this.delegate = delegate;
    }

    @Override
    public String hash(byte[] password) {
        hashes.incrementAndGet();
        return delegate.hash(password);
    }

    @Override
    public boolean verify(byte[] password, String hash) {
        verifiedAgainst.add(hash);
        return delegate.verify(password, hash);
    }

    @Override
    public String dummyHash() {
        return delegate.dummyHash();
    }

    /** The hashes checked against so far, in order. */
    List<String> verifiedAgainst() {
        return List.copyOf(verifiedAgainst);
    }

    int verifications() {
        return verifiedAgainst.size();
    }

    int hashes() {
        return hashes.get();
    }

    void reset() {
        verifiedAgainst.clear();
        hashes.set(0);
    }
}
