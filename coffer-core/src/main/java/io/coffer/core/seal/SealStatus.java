package io.coffer.core.seal;

/**
 * What {@code sys/seal-status} reports about this node's seal.
 *
 * @param progress shares received in the current attempt
 * @param nonce    the attempt's id, empty when no attempt is under way
 */
public record SealStatus(boolean initialized, boolean sealed, int threshold, int shares, int progress, String nonce) {
}
