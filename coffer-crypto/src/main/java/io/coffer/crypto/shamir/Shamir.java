package io.coffer.crypto.shamir;

import io.coffer.crypto.SecretBytes;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Shamir's secret sharing over GF(2^8), byte-compatible with Vault's unseal-key shares: any
 * {@code threshold} of the shares rebuild the secret, fewer reveal nothing about it.
 *
 * <p>A share is the y-bytes (one per secret byte) followed by one x-coordinate byte. The
 * x-coordinates of one split are distinct, never 0, and drawn as a random permutation of 1..255.
 * Each secret byte gets its own polynomial of degree {@code threshold - 1} whose constant term is
 * that byte and whose other coefficients are uniformly random (zero included, as the scheme
 * requires); the share holds its value at x. {@link #combine} interpolates at x = 0 with Lagrange
 * over every share it is given.
 *
 * <p>All field arithmetic runs in constant time ({@link Gf256}: no lookup tables, no branches on
 * data). Temporary arrays holding the secret, coefficients or interpolation weights are zeroed
 * before returning. Instances are thread-safe if the {@link SecureRandom} is (the JDK's are).
 */
public final class Shamir {
    /** The largest number of shares: x-coordinates are the 255 non-zero bytes. */
    public static final int MAX_SHARES = 255;
    /** Fewer than two shares is no sharing at all: the caller hands out the key itself. */
    public static final int MIN_SHARES = 2;

    private final SecureRandom random;

    public Shamir(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Splits {@code secret} into {@code shares} shares of which any {@code threshold} rebuild it.
     * The caller keeps ownership of {@code secret} (it is not closed) and of the returned arrays.
     *
     * @throws IllegalArgumentException unless {@code 2 <= threshold <= shares <= 255} and the
     *     secret is at least one byte
     * @throws IllegalStateException if {@code secret} has been destroyed
     */
    public List<byte[]> split(SecretBytes secret, int shares, int threshold) {
        Objects.requireNonNull(secret, "secret");
        if (shares < MIN_SHARES || shares > MAX_SHARES) {
            throw new IllegalArgumentException(
                    "shares must be between " + MIN_SHARES + " and " + MAX_SHARES + ", got " + shares);
        }
        if (threshold < MIN_SHARES || threshold > shares) {
            throw new IllegalArgumentException(
                    "threshold must be between " + MIN_SHARES + " and shares (" + shares + "), got " + threshold);
        }
        if (secret.length() == 0) {
            throw new IllegalArgumentException("cannot split an empty secret");
        }

        int[] xs = randomXCoordinates(shares);
        byte[] material = secret.copy();
        byte[] coefficients = new byte[threshold];
        List<byte[]> out = new ArrayList<>(shares);
        try {
            for (int i = 0; i < shares; i++) {
                byte[] share = new byte[material.length + 1];
                share[material.length] = (byte) xs[i];
                out.add(share);
            }
            for (int k = 0; k < material.length; k++) {
                random.nextBytes(coefficients);
                coefficients[0] = material[k];
                for (int i = 0; i < shares; i++) {
                    out.get(i)[k] = (byte) evaluate(coefficients, xs[i]);
                }
            }
            return out;
        } finally {
            Arrays.fill(material, (byte) 0);
            Arrays.fill(coefficients, (byte) 0);
            Arrays.fill(xs, 0);
        }
    }

    /**
     * Rebuilds the secret from shares produced by {@link #split} (or by Vault). Every share given
     * is used, so passing more than the threshold is fine. The shares are only read.
     *
     * @throws ShamirException if fewer than two shares are given, a share is shorter than two
     *     bytes, the shares differ in length, an x-coordinate is 0 or two x-coordinates are equal
     */
    public SecretBytes combine(List<byte[]> shares) {
        validate(shares);
        int n = shares.size();
        int length = shares.get(0).length - 1;
        int[] xs = new int[n];
        int[] weights = new int[n];
        byte[] secret = new byte[length];
        try {
            for (int i = 0; i < n; i++) {
                xs[i] = shares.get(i)[length] & 0xff;
            }
            lagrangeWeightsAtZero(xs, weights);
            for (int k = 0; k < length; k++) {
                int value = 0;
                for (int i = 0; i < n; i++) {
                    value ^= Gf256.multiply(shares.get(i)[k], weights[i]);
                }
                secret[k] = (byte) value;
            }
            return SecretBytes.wrap(secret);
        } finally {
            Arrays.fill(xs, 0);
            Arrays.fill(weights, 0);
        }
    }

    /** Horner's rule: c0 + x(c1 + x(c2 + ...)), in GF(2^8). */
    private static int evaluate(byte[] coefficients, int x) {
        int result = 0;
        for (int i = coefficients.length - 1; i >= 0; i--) {
            result = Gf256.multiply(result, x) ^ (coefficients[i] & 0xff);
        }
        return result;
    }

    /**
     * weight[i] = prod_{j != i} x_j / (x_i - x_j): the Lagrange basis polynomial of share i
     * evaluated at 0. Subtraction is XOR. One inversion per share.
     */
    private static void lagrangeWeightsAtZero(int[] xs, int[] weights) {
        for (int i = 0; i < xs.length; i++) {
            int numerator = 1;
            int denominator = 1;
            for (int j = 0; j < xs.length; j++) {
                if (j == i) {
                    continue; // index comparison, independent of share data
                }
                numerator = Gf256.multiply(numerator, xs[j]);
                denominator = Gf256.multiply(denominator, xs[i] ^ xs[j]);
            }
            weights[i] = Gf256.multiply(numerator, Gf256.inverse(denominator));
        }
    }

    /** The first {@code count} entries of a uniformly random permutation of 1..255. */
    private int[] randomXCoordinates(int count) {
        int[] all = new int[MAX_SHARES];
        for (int i = 0; i < all.length; i++) {
            all[i] = i + 1;
        }
        for (int i = all.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] xs = Arrays.copyOf(all, count);
        Arrays.fill(all, 0);
        return xs;
    }

    private static void validate(List<byte[]> shares) {
        if (shares == null || shares.size() < MIN_SHARES) {
            int got = shares == null ? 0 : shares.size();
            throw new ShamirException("at least " + MIN_SHARES + " shares are needed to combine, got " + got);
        }
        int length = -1;
        for (int i = 0; i < shares.size(); i++) {
            byte[] share = shares.get(i);
            if (share == null) {
                throw new ShamirException("share " + (i + 1) + " is missing");
            }
            if (share.length < 2) {
                throw new ShamirException("share " + (i + 1) + " is shorter than 2 bytes");
            }
            if (length < 0) {
                length = share.length;
            } else if (share.length != length) {
                throw new ShamirException("all shares must have the same length");
            }
        }
        int last = length - 1;
        // Constant-time scan: accumulate the verdict, branch only on the final result.
        int zero = 0;
        int duplicate = 0;
        for (int i = 0; i < shares.size(); i++) {
            int xi = shares.get(i)[last] & 0xff;
            zero |= isZero(xi);
            for (int j = i + 1; j < shares.size(); j++) {
                duplicate |= isZero(xi ^ (shares.get(j)[last] & 0xff));
            }
        }
        if ((zero | duplicate) != 0) {
            throw describeBadXCoordinates(shares, last);
        }
    }

    /** 1 if {@code v} (0..255) is 0, else 0, without branching. */
    private static int isZero(int v) {
        return (v - 1) >>> 31;
    }

    /** Failure path only: names the offending shares by position, never by content. */
    private static ShamirException describeBadXCoordinates(List<byte[]> shares, int last) {
        for (int i = 0; i < shares.size(); i++) {
            if (shares.get(i)[last] == 0) {
                return new ShamirException("share " + (i + 1) + " has x-coordinate 0");
            }
        }
        for (int i = 0; i < shares.size(); i++) {
            for (int j = i + 1; j < shares.size(); j++) {
                if (shares.get(i)[last] == shares.get(j)[last]) {
                    return new ShamirException(
                            "shares " + (i + 1) + " and " + (j + 1) + " have the same x-coordinate");
                }
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
