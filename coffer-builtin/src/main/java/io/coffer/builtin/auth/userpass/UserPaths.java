package io.coffer.builtin.auth.userpass;

import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.framework.TokenFields;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.TokenParams;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code users/{username}} (create, update, read, delete) and {@code users/} (list): the users
 * of the mount. A create needs a {@code password}; an update changes only the fields given.
 * User names are case-insensitive and stored lower-case. A read shows the token settings,
 * never the password or its hash. The path exists, for create-versus-update authorisation,
 * when the user does.
 */
final class UserPaths {
    private final UserpassContext ctx;

    UserPaths(UserpassContext ctx) {
        this.ctx = ctx;
    }

    List<Path> paths() {
        Path user = TokenFields.declare(Path.builder("users/{" + UserFields.USERNAME + ":" + UserNames.PATTERN + "}"))
                .field(UserFields.USERNAME, FieldType.STRING, "Username for this user.")
                .field(UserFields.PASSWORD, FieldType.STRING, "Password for this user.")
                .operation(Operation.READ, this::read)
                .write(this::write)
                .operation(Operation.DELETE, this::delete)
                .existenceCheck((request, data) -> ctx.store(request.storage()).user(name(data)) != null)
                .synopsis("Manage users allowed to authenticate.")
                .build();
        Path list = Path.builder("users/?")
                .operation(Operation.LIST, this::list)
                .synopsis("List the users of this mount.")
                .build();
        return List.of(user, list);
    }

    /** The normalised user name captured from the path. */
    static String name(FieldData data) {
        return UserNames.normalise(data.getString(UserFields.USERNAME));
    }

    private Response read(Request request, FieldData data) {
        UserEntry user = ctx.store(request.storage()).user(name(data));
        if (user == null) {
            throw new NotFoundException();
        }
        return Response.of(UserFields.render(user));
    }

    private Response list(Request request, FieldData data) {
        return Response.ofKeys(ctx.store(request.storage()).userNames());
    }

    private Response delete(Request request, FieldData data) {
        String name = name(data);
        UserpassStore store = ctx.store(request.storage());
        return ctx.locks().locked(name, () -> {
            store.deleteUser(name);
            return Response.noContent();
        });
    }

    private Response write(Request request, FieldData data) {
        data.validate();
        String name = name(data);
        UserpassStore store = ctx.store(request.storage());
        byte[] password = UserFields.newPassword(data);
        try {
            // validate against the current record before paying for a hash
            UserEntry existing = store.user(name);
            if (existing == null && password == null) {
                throw new InvalidRequestException("missing password");
            }
            UserFields.applyTokenFields(data, existing != null ? existing : placeholder());
            String hash = password == null ? null : ctx.hasher().hash(password);
            return ctx.locks().locked(name, () -> {
                UserEntry current = store.user(name);
                if (current == null) {
                    if (hash == null) {
                        throw new InvalidRequestException("missing password");
                    }
                    current = new UserEntry(hash, TokenParams.defaults(), Set.of());
                } else if (hash != null) {
                    current = current.withPasswordHash(hash);
                }
                store.putUser(name, UserFields.applyTokenFields(data, current));
                return Response.noContent();
            });
        } finally {
            if (password != null) {
                Arrays.fill(password, (byte) 0);
            }
        }
    }

    /** A user with default token settings, to validate a create's fields against. */
    private static UserEntry placeholder() {
        return new UserEntry("-", TokenParams.defaults(), Set.of());
    }
}
