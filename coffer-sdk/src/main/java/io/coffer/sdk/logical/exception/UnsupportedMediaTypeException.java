package io.coffer.sdk.logical.exception;

/**
 * The request body has a content type the operation does not accept: HTTP 415.
 */
public class UnsupportedMediaTypeException extends LogicalException {

    public UnsupportedMediaTypeException(String message) {
        super(message);
    }
}
