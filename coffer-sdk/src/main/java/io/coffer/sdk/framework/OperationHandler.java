package io.coffer.sdk.framework;

import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;

/** The code that answers one operation on one {@link Path}. */
@FunctionalInterface
public interface OperationHandler {
    Response handle(Request request, FieldData data);
}
