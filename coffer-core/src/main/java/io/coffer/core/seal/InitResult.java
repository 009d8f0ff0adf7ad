package io.coffer.core.seal;

import java.util.List;

/**
 * What {@code sys/init} hands out once: the unseal key shares and the initial root token.
 * Never logged; {@link #toString()} hides the content.
 */
public record InitResult(List<byte[]> shares, String rootToken) {
    @Override
    public String toString() {
        return "InitResult[" + shares.size() + " shares]";
    }
}
