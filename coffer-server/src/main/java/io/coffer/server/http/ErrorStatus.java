package io.coffer.server.http;

import io.coffer.sdk.logical.exception.ConflictException;
import io.coffer.sdk.logical.exception.InternalException;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.LogicalException;
import io.coffer.sdk.logical.exception.NotFoundException;
import io.coffer.sdk.logical.exception.OperationNotSupportedException;
import io.coffer.sdk.logical.exception.PayloadTooLargeException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;
import io.coffer.sdk.logical.exception.SealedException;
import io.coffer.sdk.logical.exception.UnsupportedMediaTypeException;

import java.util.Map;

/**
 * The one table that maps logical failures to HTTP status codes, by exception type. No code
 * anywhere else chooses an error status.
 */
final class ErrorStatus {
    private static final Map<Class<? extends LogicalException>, Integer> STATUS = Map.of(
            InvalidRequestException.class, 400,
            PermissionDeniedException.class, 403,
            NotFoundException.class, 404,
            OperationNotSupportedException.class, 405,
            ConflictException.class, 409,
            PayloadTooLargeException.class, 413,
            UnsupportedMediaTypeException.class, 415,
            InternalException.class, 500,
            SealedException.class, 503,
            NoActiveNodeException.class, 503);

    private ErrorStatus() {
    }

    static int of(LogicalException e) {
        for (Class<?> c = e.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            Integer status = STATUS.get(c);
            if (status != null) {
                return status;
            }
        }
        return 500;
    }
}
