package io.coffer.sdk.logical;

/**
 * Creates backends of one mount type ({@code kv}, {@code transit}, …), registered by that type.
 */
public interface BackendFactory {

    /** The mount type this factory builds, as given in {@code sys/mounts} {@code type}. */
    String type();

    /** Builds the backend for one mount. */
    Backend create(BackendConfig config);
}
