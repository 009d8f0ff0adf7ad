package io.coffer.builtin.auth.userpass;

import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.StorageChange;
import io.coffer.sdk.logical.StorageEntry;

import java.util.List;

/**
 * The userpass records in one mount's storage view, by key:
 * {@code user/<name>} (a {@link UserEntry}), {@code lockout/<name>} (a {@link FailedLogins})
 * and {@code lockout-decoy} (the record an unknown user's failed login writes so that it costs
 * the same storage work as a known user's). {@code <name>} is always a normalised name that
 * {@link UserNames#isValid(String)} accepts, so it never contains a slash. Holds no state of
 * its own; cheap to create per request.
 */
final class UserpassStore {
    static final String USER_PREFIX = "user/";
    static final String LOCKOUT_PREFIX = "lockout/";
    static final String LOCKOUT_DECOY = "lockout-decoy";

    private final Storage storage;
    private final UserpassCodec codec;

    UserpassStore(Storage storage, UserpassCodec codec) {
        this.storage = storage;
        this.codec = codec;
    }

    /** The user {@code name}, or {@code null}. */
    UserEntry user(String name) {
        StorageEntry e = storage.get(USER_PREFIX + name);
        return e == null ? null : codec.decodeUser(e.value());
    }

    void putUser(String name, UserEntry user) {
        storage.put(new StorageEntry(USER_PREFIX + name, codec.encodeUser(user)));
    }

    /** Removes the user and its failed-login record in one batch. */
    void deleteUser(String name) {
        storage.applyBatch(List.of(StorageChange.delete(USER_PREFIX + name), StorageChange.delete(LOCKOUT_PREFIX + name)));
    }

    /** The stored user names, sorted. */
    List<String> userNames() {
        return storage.list(USER_PREFIX);
    }

    /** The failed-login record of {@code name}, or {@code null}. */
    FailedLogins failedLogins(String name) {
        StorageEntry e = storage.get(LOCKOUT_PREFIX + name);
        return e == null ? null : codec.decodeFailedLogins(e.value());
    }

    void putFailedLogins(String name, FailedLogins failures) {
        storage.put(new StorageEntry(LOCKOUT_PREFIX + name, codec.encodeFailedLogins(failures)));
    }

    void deleteFailedLogins(String name) {
        storage.delete(LOCKOUT_PREFIX + name);
    }

    /** The names that have a failed-login record, sorted. */
    List<String> namesWithFailedLogins() {
        return storage.list(LOCKOUT_PREFIX);
    }

    /** Writes the decoy record: the same size and storage work as a real failure record. */
    void putDecoy(FailedLogins failures) {
        storage.put(new StorageEntry(LOCKOUT_DECOY, codec.encodeFailedLogins(failures)));
    }
}
