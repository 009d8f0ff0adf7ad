package io.coffer.sdk.logical.exception;

/**
 * The request is malformed or fails validation: HTTP 400 with the message.
 */
public class InvalidRequestException extends LogicalException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
