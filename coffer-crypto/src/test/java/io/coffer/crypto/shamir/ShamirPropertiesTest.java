package io.coffer.crypto.shamir;

import io.coffer.crypto.SecretBytes;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class ShamirPropertiesTest {

    /** One generated case: the secret, n shares, threshold t, and a seed for everything random. */
    record Scenario(byte[] secret, int shares, int threshold, long seed) {
        @Override
        public String toString() {
            return "Scenario[" + secret.length + " bytes, n=" + shares + ", t=" + threshold + ", seed=" + seed + "]";
        }
    }

    private static final Pattern REFUSAL = Pattern.compile(
            "at least 2 shares are needed to combine, got \\d+"
                    + "|share \\d+ is (missing|shorter than 2 bytes)"
                    + "|all shares must have the same length"
                    + "|share \\d+ has x-coordinate 0"
                    + "|shares \\d+ and \\d+ have the same x-coordinate");

    /** A reproducible SecureRandom, so that a failing case replays with jqwik's seed. */
    static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static List<byte[]> randomSubset(List<byte[]> shares, int size, Random random) {
        List<byte[]> copy = new ArrayList<>(shares);
        Collections.shuffle(copy, random);
        return new ArrayList<>(copy.subList(0, size));
    }

    static Arbitrary<Scenario> scenarios(int minShares, int maxShares, int minThreshold, int minSecret, int maxSecret) {
        return Arbitraries.integers().between(minShares, maxShares).flatMap(n ->
                Arbitraries.integers().between(minThreshold, n).flatMap(t ->
                        Combinators.combine(
                                Arbitraries.bytes().array(byte[].class).ofMinSize(minSecret).ofMaxSize(maxSecret),
                                Arbitraries.longs())
                                .as((secret, seed) -> new Scenario(secret, n, t, seed))));
    }

    @Provide
    Arbitrary<Scenario> usual() {
        return scenarios(2, 20, 2, 1, 64);
    }

    @Provide
    Arbitrary<Scenario> wide() {
        return scenarios(200, 255, 2, 1, 64);
    }

    @Provide
    Arbitrary<Scenario> belowThreshold() {
        return scenarios(3, 20, 3, 32, 32);
    }

    @Property
    void combine_anyThresholdSubsetInAnyOrder_returnsSecret(@ForAll("usual") Scenario s) {
        assertThresholdSubsetReconstructs(s);
    }

    @Property(tries = 8)
    void combine_anyThresholdSubsetOfUpTo255Shares_returnsSecret(@ForAll("wide") Scenario s) {
        assertThresholdSubsetReconstructs(s);
    }

    @Property
    void combine_moreSharesThanThreshold_returnsSecret(@ForAll("usual") Scenario s) {
        Random random = new Random(s.seed());
        int size = s.threshold() + random.nextInt(s.shares() - s.threshold() + 1);
        List<byte[]> shares = new Shamir(seeded(s.seed())).split(SecretBytes.copyOf(s.secret()), s.shares(), s.threshold());
        try (SecretBytes combined = new Shamir(seeded(0)).combine(randomSubset(shares, size, random))) {
            assertThat(combined.copy()).isEqualTo(s.secret());
        }
    }

    @Property
    void combine_oneShareFewerThanThreshold_doesNotReturnSecret(@ForAll("belowThreshold") Scenario s) {
        Shamir shamir = new Shamir(seeded(s.seed()));
        List<byte[]> shares = shamir.split(SecretBytes.copyOf(s.secret()), s.shares(), s.threshold());
        List<byte[]> subset = randomSubset(shares, s.threshold() - 1, new Random(s.seed()));
        try (SecretBytes combined = shamir.combine(subset)) {
            assertThat(combined.copy()).isNotEqualTo(s.secret());
        }
    }

    @Property
    void split_anyParameters_givesWellFormedShares(@ForAll("usual") Scenario s) {
        List<byte[]> shares = new Shamir(seeded(s.seed())).split(SecretBytes.copyOf(s.secret()), s.shares(), s.threshold());
        assertThat(shares).hasSize(s.shares());
        Set<Integer> xs = new HashSet<>();
        for (byte[] share : shares) {
            assertThat(share).hasSize(s.secret().length + 1);
            int x = share[share.length - 1] & 0xff;
            assertThat(x).isBetween(1, 255);
            xs.add(x);
        }
        assertThat(xs).as("distinct x-coordinates").hasSize(s.shares());
    }

    @Property(tries = 8)
    void split_255Shares_usesEveryNonZeroXCoordinate(@ForAll("wide") Scenario s) {
        List<byte[]> shares = new Shamir(seeded(s.seed())).split(SecretBytes.copyOf(s.secret()), 255, s.threshold());
        Set<Integer> xs = new HashSet<>();
        shares.forEach(share -> xs.add(share[share.length - 1] & 0xff));
        assertThat(xs).hasSize(255).doesNotContain(0);
    }

    @Provide
    Arbitrary<List<byte[]>> arbitraryShareLists() {
        Arbitrary<List<byte[]>> anything = Arbitraries.bytes().array(byte[].class).ofMaxSize(6)
                .injectNull(0.02).list().ofMaxSize(6);
        Arbitrary<List<byte[]>> sameLength = Arbitraries.integers().between(0, 6).flatMap(length ->
                Arbitraries.bytes().array(byte[].class).ofSize(length).list().ofMaxSize(8));
        Arbitrary<List<byte[]>> smallXs = Arbitraries.integers().between(2, 5).flatMap(length ->
                Arbitraries.bytes().between((byte) 0, (byte) 3).array(byte[].class).ofSize(length).list().ofMaxSize(5));
        return Arbitraries.oneOf(anything, sameLength, smallXs);
    }

    @Property(tries = 3000)
    void combine_arbitraryBytes_returnsSecretOrRefusesWithShamirException(@ForAll("arbitraryShareLists") List<byte[]> shares) {
        try (SecretBytes result = new Shamir(seeded(0)).combine(shares)) {
            assertThat(result.length()).isEqualTo(shares.get(0).length - 1);
        } catch (ShamirException e) {
            assertThat(e.getMessage()).matches(REFUSAL);
        } catch (RuntimeException e) {
            fail("combine threw " + e.getClass().getName() + " instead of ShamirException", e);
        }
    }

    private static void assertThresholdSubsetReconstructs(Scenario s) {
        Shamir shamir = new Shamir(seeded(s.seed()));
        try (SecretBytes secret = SecretBytes.copyOf(s.secret())) {
            List<byte[]> shares = shamir.split(secret, s.shares(), s.threshold());
            List<byte[]> subset = randomSubset(shares, s.threshold(), new Random(s.seed()));
            try (SecretBytes combined = shamir.combine(subset)) {
                assertThat(combined.equalsConstantTime(secret)).isTrue();
            }
        }
    }
}
