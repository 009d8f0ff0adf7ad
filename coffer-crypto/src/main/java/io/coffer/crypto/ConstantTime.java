package io.coffer.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Equality checks for secrets (tokens, accessors, HMACs, keys) whose running time does not depend
 * on the contents compared or on where they first differ.
 *
 * <p>The byte comparison delegates to {@link MessageDigest#isEqual}, which (JDK 17) examines every
 * byte of {@code a} whatever the contents of {@code b} and folds the length difference into the
 * result instead of returning early. What can still be observed is the length of the first
 * argument (and whether the second is empty), so pass the attacker-supplied value second, or
 * better compare fixed-length digests. {@code null} equals nothing, not even {@code null}: a
 * missing secret must never match another missing secret. Stateless; all methods are static.
 */
public final class ConstantTime {
    private ConstantTime() {
    }

    /** True when both arrays are non-null and hold the same bytes. */
    public static boolean equals(byte[] a, byte[] b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a, b);
    }

    /**
     * True when both strings are non-null and have the same UTF-8 encoding. The temporary byte
     * arrays are zeroed afterwards (the strings themselves cannot be).
     */
    public static boolean equals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        byte[] left = a.getBytes(StandardCharsets.UTF_8);
        byte[] right = b.getBytes(StandardCharsets.UTF_8);
        try {
            return MessageDigest.isEqual(left, right);
        } finally {
            Arrays.fill(left, (byte) 0);
            Arrays.fill(right, (byte) 0);
        }
    }
}
