package io.coffer.crypto.shamir;

/**
 * A set of shares that cannot be combined: too few, malformed, or with repeated or zero
 * x-coordinates. Unchecked; the message says what is wrong with the set and never contains share
 * bytes.
 *
 * <p>Well-formed but wrong shares are not detected here: they combine into a wrong secret, which
 * the caller (the barrier's root-key decryption) rejects.
 */
public final class ShamirException extends RuntimeException {
    public ShamirException(String message) {
        super(message);
    }
}
