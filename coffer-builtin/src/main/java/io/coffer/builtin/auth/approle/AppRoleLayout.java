package io.coffer.builtin.auth.approle;

/**
 * The storage keys of an AppRole mount, relative to the mount's storage view; documented in
 * {@code docs/storage-formats/approle.md}. Role names never contain {@code /} (the path pattern
 * forbids it) and every other variable segment is a hex HMAC, so no key can escape its folder.
 *
 * <ul>
 *   <li>{@code hmac-key} — the mount's random HMAC key</li>
 *   <li>{@code role/<name>} — a {@link RoleEntry}</li>
 *   <li>{@code role-id/<hmac(role_id)>} — the role-ID index: which role a role ID belongs to</li>
 *   <li>{@code secret-id/<name>/<hmac(secret_id)>} — a {@link SecretIdEntry}</li>
 *   <li>{@code accessor/<hmac(accessor)>} — an {@link AccessorEntry}</li>
 * </ul>
 */
final class AppRoleLayout {
    static final String HMAC_KEY = "hmac-key";
    static final String ROLE_PREFIX = "role/";
    static final String ROLE_ID_PREFIX = "role-id/";
    static final String SECRET_ID_PREFIX = "secret-id/";
    static final String ACCESSOR_PREFIX = "accessor/";

    private AppRoleLayout() {
    }

    static String role(String name) {
        return ROLE_PREFIX + name;
    }

    static String roleId(String roleIdHmac) {
        return ROLE_ID_PREFIX + roleIdHmac;
    }

    /** The folder, ending in {@code /}, holding every secret ID of role {@code name}. */
    static String secretIdFolder(String name) {
        return SECRET_ID_PREFIX + name + "/";
    }

    static String secretId(String name, String secretIdHmac) {
        return secretIdFolder(name) + secretIdHmac;
    }

    static String accessor(String accessorHmac) {
        return ACCESSOR_PREFIX + accessorHmac;
    }
}
