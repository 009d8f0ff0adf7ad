package io.coffer.core.token;

import io.coffer.core.physical.InmemBackend;
import io.coffer.core.storage.StoredJson;
import io.coffer.core.testing.SteppingClock;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link TokenStore} over a {@link TokenRepository} on in-memory storage, with a stepping
 * clock and adjustable mount TTLs (both 768h to start), for token unit tests.
 */
final class TokenFixture {
    static final long SYSTEM_TTL = 2764800L;

    final SteppingClock clock = new SteppingClock();
    final InmemBackend storage = new InmemBackend();
    final TokenHasher hasher = new TokenHasher("test-salt-0123456789abcdef012345".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    final TokenRepository repository = new TokenRepository(storage, new StoredJson(), hasher);
    final AtomicLong defaultTtl = new AtomicLong(SYSTEM_TTL);
    final AtomicLong maxTtl = new AtomicLong(SYSTEM_TTL);
    final TokenStore store = new TokenStore(repository, new TokenIds(new SecureRandom()),
            new BatchTokens(storage, new StoredJson(), new SecureRandom()), clock, defaultTtl::get, maxTtl::get);
    /** Every revoked entry, in revocation order. */
    final List<TokenEntry> revoked = new ArrayList<>();

    TokenFixture() {
        store.addRevocationListener(revoked::add);
    }

    /** A request builder with Vault's defaults: policy {@code default}, renewable, no TTLs. */
    static Spec spec() {
        return new Spec();
    }

    /** Creates the token described by {@code spec}. */
    TokenEntry create(Spec spec) {
        return store.create(spec.build()).entry();
    }

    /** A mutable description of a token to create. */
    static final class Spec {
        private String id = "";
        private String parent = "";
        private List<String> policies = List.of("default");
        private int numUses;
        private long ttl;
        private long explicitMaxTtl;
        private long period;
        private boolean renewable = true;

        Spec id(String value) {
            id = value;
            return this;
        }

        Spec parent(TokenEntry value) {
            parent = value.id();
            return this;
        }

        Spec policies(String... value) {
            policies = List.of(value);
            return this;
        }

        Spec numUses(int value) {
            numUses = value;
            return this;
        }

        Spec ttl(long value) {
            ttl = value;
            return this;
        }

        Spec explicitMaxTtl(long value) {
            explicitMaxTtl = value;
            return this;
        }

        Spec period(long value) {
            period = value;
            return this;
        }

        Spec renewable(boolean value) {
            renewable = value;
            return this;
        }

        TokenCreateRequest build() {
            return new TokenCreateRequest(id, parent, policies, Map.of("k", "v"), "token", numUses, ttl, explicitMaxTtl,
                    period, renewable, "auth/token/create", "", "");
        }
    }
}
