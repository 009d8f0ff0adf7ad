package io.coffer.crypto.shamir;

/**
 * Arithmetic in GF(2^8) modulo the AES polynomial x^8 + x^4 + x^3 + x + 1 ({@code 0x11b}), in
 * constant time: no table lookups and no branches that depend on the operands.
 *
 * <p>Elements are ints in {@code 0..255}. Addition and subtraction are both XOR. Multiplication
 * is shift-and-add with the conditional steps turned into masks; the inverse is {@code a^254}
 * computed with a fixed square-and-multiply schedule, so {@code inverse(0) == 0}. These are the
 * only operations Shamir's scheme needs; the log/exp tables of other implementations
 * (CVE-2023-25000) are deliberately absent.
 */
final class Gf256 {
    /** The AES reduction polynomial, including its x^8 term. */
    static final int POLYNOMIAL = 0x11b;

    private Gf256() {
    }

    /** {@code a + b} (which is also {@code a - b}). */
    static int add(int a, int b) {
        return (a ^ b) & 0xff;
    }

    /** {@code a * b}, eight rounds whatever the operands. */
    static int multiply(int a, int b) {
        int x = a & 0xff;
        int y = b & 0xff;
        int product = 0;
        for (int round = 0; round < 8; round++) {
            product ^= x & -(y & 1);
            int carry = -((x >>> 7) & 1);
            x = ((x << 1) ^ (POLYNOMIAL & carry)) & 0xff;
            y >>>= 1;
        }
        return product;
    }

    /**
     * The multiplicative inverse, {@code a^254}; {@code inverse(0) == 0}. The schedule is fixed:
     * six rounds of "square, then multiply by a" take the exponent 1 → 127, one more square
     * gives 254.
     */
    static int inverse(int a) {
        int base = a & 0xff;
        int result = base;
        for (int round = 0; round < 6; round++) {
            result = multiply(multiply(result, result), base);
        }
        return multiply(result, result);
    }
}
