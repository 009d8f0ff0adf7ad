package io.coffer.storage.file;

import io.coffer.sdk.logical.exception.InternalException;

/**
 * A failure of the file storage (I/O error, corruption, store already open, unsupported
 * format): HTTP 500 above the barrier. Its message names the operation and the store
 * directory, never a stored key's value.
 */
public final class FileStorageException extends InternalException {

    public FileStorageException(String message) {
        super(message);
    }

    public FileStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
