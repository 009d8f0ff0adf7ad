package io.coffer.core.routing;

import io.coffer.sdk.logical.Backend;
import io.coffer.sdk.logical.Storage;

/**
 * A mounted backend as the router holds it: its table row, the live backend and its storage
 * view.
 */
public record Route(MountEntry entry, Backend backend, Storage storage) {
    /** The API prefix this route answers, e.g. {@code secret/}. */
    public String mountPoint() {
        return entry.apiPath();
    }
}
