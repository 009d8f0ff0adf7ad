package io.coffer.sdk.logical.exception;

/**
 * The path exists but does not support this operation: HTTP 405 {@code unsupported operation}.
 */
public class OperationNotSupportedException extends LogicalException {

    public OperationNotSupportedException() {
        super("unsupported operation");
    }
}
