package io.coffer.sdk.logical.exception;

/**
 * The request body exceeds the configured limit: HTTP 413.
 */
public class PayloadTooLargeException extends LogicalException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
