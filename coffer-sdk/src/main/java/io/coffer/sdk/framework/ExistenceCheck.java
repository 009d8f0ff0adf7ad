package io.coffer.sdk.framework;

import io.coffer.sdk.logical.Request;

/** Tells whether the target of a write exists, which decides create versus update. */
@FunctionalInterface
public interface ExistenceCheck {
    boolean exists(Request request, FieldData data);
}
