package io.coffer.sdk.logical.exception;

/**
 * The target is in use, e.g. an overlapping mount path: HTTP 409.
 */
public class ConflictException extends LogicalException {

    public ConflictException(String message) {
        super(message);
    }
}
