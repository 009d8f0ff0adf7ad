package io.coffer.core.token;

import io.coffer.core.storage.StoredJson;
import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.exception.InternalException;

import java.util.List;
import java.util.TreeSet;

/**
 * Stores token roles in the token store's view, one JSON record per role at
 * {@code roles/<name>} (so {@code sys/token/roles/<name>} inside the barrier, where Vault keeps
 * them too). No cache: a role is read once per {@code create/<role>} request.
 */
public final class TokenRoleStore {
    static final String PREFIX = "roles/";

    private final Storage storage;
    private final StoredJson json;

    public TokenRoleStore(Storage storage, StoredJson json) {
        this.storage = storage;
        this.json = json;
    }

    /** The role named {@code name}, or {@code null}. */
    public TokenRole get(String name) {
        TokenRole role = json.read(storage, PREFIX + name, TokenRole.class);
        if (role != null && role.formatVersion() != TokenRole.FORMAT_VERSION) {
            throw new InternalException("corrupt token role record");
        }
        return role;
    }

    public void put(TokenRole role) {
        json.write(storage, PREFIX + role.name(), role);
    }

    public void delete(String name) {
        storage.delete(PREFIX + name);
    }

    /** The role names, sorted. */
    public List<String> names() {
        return List.copyOf(new TreeSet<>(storage.list(PREFIX)));
    }
}
