package io.coffer.core.routing;

import io.coffer.sdk.logical.Backend;
import io.coffer.sdk.logical.Storage;

/** Builds the live backend for a mount-table row; core's built-ins and the engine registry behind one call. */
@FunctionalInterface
public interface BackendResolver {
    /**
     * @throws io.coffer.sdk.logical.exception.InvalidRequestException when the type is unknown
     */
    Backend resolve(MountEntry entry, Storage storage);
}
