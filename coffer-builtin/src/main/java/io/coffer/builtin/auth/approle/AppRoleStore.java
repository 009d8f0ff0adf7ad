package io.coffer.builtin.auth.approle;

import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.StorageChange;
import io.coffer.sdk.logical.StorageEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * Typed access to one AppRole mount's storage in the {@link AppRoleLayout}, every record through
 * the {@link AppRoleCodec}. Multi-record changes go out as one {@link Storage#applyBatch batch}, so
 * on durable storage a secret ID and its accessor (or a role and its role-ID index) appear and
 * disappear together. No locking: callers hold the role's lock.
 */
final class AppRoleStore {
    private final Storage storage;
    private final AppRoleCodec codec;

    AppRoleStore(Storage storage, AppRoleCodec codec) {
        this.storage = storage;
        this.codec = codec;
    }

    /** The underlying storage view (for the HMAC key). */
    Storage storage() {
        return storage;
    }

    // ---- roles -----------------------------------------------------------------------------

    /** The role named {@code name}, or {@code null}. */
    RoleEntry role(String name) {
        StorageEntry entry = storage.get(AppRoleLayout.role(name));
        return entry == null ? null : codec.decodeRole(entry.value());
    }

    boolean roleExists(String name) {
        return storage.get(AppRoleLayout.role(name)) != null;
    }

    /** The role names, sorted. */
    List<String> roleNames() {
        return storage.list(AppRoleLayout.ROLE_PREFIX).stream().filter(n -> !n.endsWith("/")).toList();
    }

    /** The role name the role-ID index maps {@code roleIdHmac} to, or {@code null}. */
    String roleNameByRoleId(String roleIdHmac) {
        StorageEntry entry = storage.get(AppRoleLayout.roleId(roleIdHmac));
        return entry == null ? null : codec.decodeRoleIdIndex(entry.value());
    }

    /**
     * Writes {@code role} and its role-ID index as one batch, deleting the index of
     * {@code previousRoleIdHmac} when it is another one.
     */
    void putRole(RoleEntry role, String roleIdHmac, String previousRoleIdHmac) {
        List<StorageChange> changes = new ArrayList<>(3);
        if (previousRoleIdHmac != null && !previousRoleIdHmac.equals(roleIdHmac)) {
            changes.add(StorageChange.delete(AppRoleLayout.roleId(previousRoleIdHmac)));
        }
        changes.add(StorageChange.put(new StorageEntry(AppRoleLayout.roleId(roleIdHmac), codec.encodeRoleIdIndex(role.name()))));
        changes.add(StorageChange.put(new StorageEntry(AppRoleLayout.role(role.name()), codec.encodeRole(role))));
        storage.applyBatch(changes);
    }

    /** Deletes role {@code name}, its role-ID index and every secret ID and accessor of it, as one batch. */
    void deleteRole(String name, String roleIdHmac, Hasher hasher) {
        List<StorageChange> changes = new ArrayList<>();
        for (String hmac : secretIdHmacs(name)) {
            SecretIdEntry entry = secretId(name, hmac);
            if (entry != null) {
                changes.add(StorageChange.delete(AppRoleLayout.accessor(hasher.hmac(Hasher.Label.ACCESSOR, entry.accessor()))));
            }
            changes.add(StorageChange.delete(AppRoleLayout.secretId(name, hmac)));
        }
        changes.add(StorageChange.delete(AppRoleLayout.roleId(roleIdHmac)));
        changes.add(StorageChange.delete(AppRoleLayout.role(name)));
        storage.applyBatch(changes);
    }

    // ---- secret IDs ------------------------------------------------------------------------

    /** The HMACs of role {@code name}'s stored secret IDs, sorted. */
    List<String> secretIdHmacs(String name) {
        return storage.list(AppRoleLayout.secretIdFolder(name)).stream().filter(n -> !n.endsWith("/")).toList();
    }

    /** The secret ID of role {@code name} with HMAC {@code secretIdHmac}, or {@code null}. */
    SecretIdEntry secretId(String name, String secretIdHmac) {
        StorageEntry entry = storage.get(AppRoleLayout.secretId(name, secretIdHmac));
        return entry == null ? null : codec.decodeSecretId(entry.value());
    }

    /** Stores a new secret ID and its accessor index as one batch. */
    void createSecretId(SecretIdEntry entry, String accessorHmac) {
        storage.applyBatch(List.of(
                StorageChange.put(new StorageEntry(AppRoleLayout.accessor(accessorHmac),
                        codec.encodeAccessor(new AccessorEntry(entry.roleName(), entry.secretIdHmac())))),
                StorageChange.put(new StorageEntry(AppRoleLayout.secretId(entry.roleName(), entry.secretIdHmac()),
                        codec.encodeSecretId(entry)))));
    }

    /** Replaces an existing secret ID entry (its accessor is unchanged). */
    void updateSecretId(SecretIdEntry entry) {
        storage.put(new StorageEntry(AppRoleLayout.secretId(entry.roleName(), entry.secretIdHmac()), codec.encodeSecretId(entry)));
    }

    /** Deletes a secret ID and its accessor index as one batch. */
    void deleteSecretId(SecretIdEntry entry, String accessorHmac) {
        storage.applyBatch(List.of(
                StorageChange.delete(AppRoleLayout.secretId(entry.roleName(), entry.secretIdHmac())),
                StorageChange.delete(AppRoleLayout.accessor(accessorHmac))));
    }

    // ---- accessors -------------------------------------------------------------------------

    /** The accessor index record at {@code accessorHmac}, or {@code null}. */
    AccessorEntry accessor(String accessorHmac) {
        StorageEntry entry = storage.get(AppRoleLayout.accessor(accessorHmac));
        return entry == null ? null : codec.decodeAccessor(entry.value());
    }

    /** Every accessor index key's HMAC segment, sorted. */
    List<String> accessorHmacs() {
        return storage.list(AppRoleLayout.ACCESSOR_PREFIX).stream().filter(n -> !n.endsWith("/")).toList();
    }

    void deleteAccessor(String accessorHmac) {
        storage.delete(AppRoleLayout.accessor(accessorHmac));
    }
}
