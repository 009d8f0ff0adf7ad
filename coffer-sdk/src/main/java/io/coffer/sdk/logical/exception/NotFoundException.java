package io.coffer.sdk.logical.exception;

/**
 * Nothing at this path: HTTP 404, with an empty {@code errors} array unless a message is given.
 */
public class NotFoundException extends LogicalException {

    public NotFoundException() {
        super("");
    }

    public NotFoundException(String message) {
        super(message);
    }
}
