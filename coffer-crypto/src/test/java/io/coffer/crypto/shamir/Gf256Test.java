package io.coffer.crypto.shamir;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Gf256Test {

    /**
     * Reference multiply, written differently on purpose: carry-less product into 15 bits, then
     * polynomial long division by 0x11b. Slow and branchy; fine for a test oracle.
     */
    static int referenceMultiply(int a, int b) {
        int product = 0;
        for (int bit = 0; bit < 8; bit++) {
            if ((b & (1 << bit)) != 0) {
                product ^= a << bit;
            }
        }
        for (int bit = 14; bit >= 8; bit--) {
            if ((product & (1 << bit)) != 0) {
                product ^= 0x11b << (bit - 8);
            }
        }
        return product;
    }

    /** Reference inverse: exhaustive search. */
    static int referenceInverse(int a) {
        for (int candidate = 1; candidate < 256; candidate++) {
            if (referenceMultiply(a, candidate) == 1) {
                return candidate;
            }
        }
        throw new AssertionError("no inverse for " + a);
    }

    @Test
    void multiply_everyPairOfElements_matchesReferenceImplementation() {
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                assertThat(Gf256.multiply(a, b)).as("%02x * %02x", a, b).isEqualTo(referenceMultiply(a, b));
            }
        }
    }

    @Test
    void inverse_everyNonZeroElement_matchesExhaustiveSearch() {
        for (int a = 1; a < 256; a++) {
            assertThat(Gf256.inverse(a)).as("inverse of %02x", a).isEqualTo(referenceInverse(a));
        }
    }

    @Test
    void inverse_zero_isZero() {
        assertThat(Gf256.inverse(0)).isZero();
    }

    @Test
    void multiply_fips197Examples_giveDocumentedProducts() {
        // FIPS-197 section 4.2 and the {53}{ca} inverse pair of section 5.1.1.
        assertThat(Gf256.multiply(0x57, 0x83)).isEqualTo(0xc1);
        assertThat(Gf256.multiply(0x57, 0x13)).isEqualTo(0xfe);
        assertThat(Gf256.multiply(0x53, 0xca)).isEqualTo(0x01);
        assertThat(Gf256.inverse(0x53)).isEqualTo(0xca);
    }

    @Test
    void multiply_vaultFieldExamples_giveVaultsResults() {
        // The values Vault's own shamir tests expect from its mult/div (same Rijndael field).
        assertThat(Gf256.multiply(3, 7)).isEqualTo(9);
        assertThat(Gf256.multiply(6, Gf256.inverse(3))).isEqualTo(2);
        assertThat(Gf256.multiply(3, Gf256.inverse(3))).isEqualTo(1);
    }

    @Test
    void multiply_signExtendedByteArguments_areTreatedAsUnsigned() {
        assertThat(Gf256.multiply((byte) 0x83, (byte) 0x57)).isEqualTo(0xc1);
    }

    @Property
    void multiply_anyElements_isCommutative(@ForAll @IntRange(max = 255) int a, @ForAll @IntRange(max = 255) int b) {
        assertThat(Gf256.multiply(a, b)).isEqualTo(Gf256.multiply(b, a));
    }

    @Property
    void multiply_anyElements_isAssociative(@ForAll @IntRange(max = 255) int a,
                                            @ForAll @IntRange(max = 255) int b,
                                            @ForAll @IntRange(max = 255) int c) {
        assertThat(Gf256.multiply(Gf256.multiply(a, b), c)).isEqualTo(Gf256.multiply(a, Gf256.multiply(b, c)));
    }

    @Property
    void multiply_anyElements_distributesOverAdd(@ForAll @IntRange(max = 255) int a,
                                                 @ForAll @IntRange(max = 255) int b,
                                                 @ForAll @IntRange(max = 255) int c) {
        assertThat(Gf256.multiply(a, Gf256.add(b, c)))
                .isEqualTo(Gf256.add(Gf256.multiply(a, b), Gf256.multiply(a, c)));
    }

    @Property
    void multiply_byInverse_givesOne(@ForAll @IntRange(min = 1, max = 255) int a) {
        assertThat(Gf256.multiply(a, Gf256.inverse(a))).isEqualTo(1);
    }

    @Property
    void multiply_byOneAndZero_givesIdentityAndZero(@ForAll @IntRange(max = 255) int a) {
        assertThat(Gf256.multiply(a, 1)).isEqualTo(a);
        assertThat(Gf256.multiply(a, 0)).isZero();
    }

    @Property
    void multiply_anyElements_matchesReferenceImplementation(@ForAll @IntRange(max = 255) int a,
                                                            @ForAll @IntRange(max = 255) int b) {
        assertThat(Gf256.multiply(a, b)).isEqualTo(referenceMultiply(a, b));
    }

    @Property
    void add_anyElement_isItsOwnNegative(@ForAll @IntRange(max = 255) int a, @ForAll @IntRange(max = 255) int b) {
        assertThat(Gf256.add(Gf256.add(a, b), b)).isEqualTo(a);
    }
}
