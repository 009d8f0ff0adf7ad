package io.coffer.sdk.logical.exception;

/**
 * The node is sealed or not initialised: HTTP 503 {@code Vault is sealed}.
 */
public class SealedException extends LogicalException {

    public SealedException() {
        super("Vault is sealed");
    }
}
