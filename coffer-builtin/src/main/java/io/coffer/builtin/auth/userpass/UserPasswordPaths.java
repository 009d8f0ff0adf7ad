package io.coffer.builtin.auth.userpass;

import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.util.Arrays;
import java.util.List;

/**
 * {@code users/{username}/password} (update): replaces an existing user's password with a new
 * bcrypt hash. The user's failed-login count is left as it is (as in Vault).
 */
final class UserPasswordPaths {
    private final UserpassContext ctx;

    UserPasswordPaths(UserpassContext ctx) {
        this.ctx = ctx;
    }

    List<Path> paths() {
        return List.of(Path.builder("users/{" + UserFields.USERNAME + ":" + UserNames.PATTERN + "}/password")
                .field(UserFields.USERNAME, FieldType.STRING, "Username for this user.")
                .field(UserFields.PASSWORD, FieldType.STRING, "The new password.")
                .write(this::update)
                .synopsis("Reset a user's password.")
                .build());
    }

    private Response update(Request request, FieldData data) {
        data.validate();
        String name = UserPaths.name(data);
        UserpassStore store = ctx.store(request.storage());
        byte[] password = UserFields.newPassword(data);
        if (password == null) {
            throw new InvalidRequestException("missing password");
        }
        try {
            if (store.user(name) == null) {
                throw noSuchUser();
            }
            String hash = ctx.hasher().hash(password);
            return ctx.locks().locked(name, () -> {
                UserEntry current = store.user(name);
                if (current == null) {
                    throw noSuchUser();
                }
                store.putUser(name, current.withPasswordHash(hash));
                return Response.noContent();
            });
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    /** Vault answers this with a 500; a missing user is the caller's mistake, so 400 here. */
    static InvalidRequestException noSuchUser() {
        return new InvalidRequestException("username does not exist");
    }
}
