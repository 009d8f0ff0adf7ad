package io.coffer.builtin.auth.approle;

import java.util.Objects;

/**
 * The accessor index record at {@code accessor/<hmac(accessor)>}: which role's secret ID an
 * accessor names, by the secret ID's HMAC.
 *
 * @param roleName     the role the secret ID belongs to
 * @param secretIdHmac the HMAC keying the secret ID entry
 */
record AccessorEntry(String roleName, String secretIdHmac) {
    AccessorEntry {
        Objects.requireNonNull(roleName, "roleName");
        Objects.requireNonNull(secretIdHmac, "secretIdHmac");
    }
}
