package io.coffer.builtin.auth.userpass;

import io.coffer.sdk.framework.Cidrs;
import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.LoginResult;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code login/{username}} (update, unauthenticated): checks a user's password and reports a
 * {@link LoginResult} for the core to turn into a token. The guarantees:
 *
 * <ul>
 *   <li>The name is {@linkplain UserNames#normalise(String) normalised} once; lookup and
 *       lockout counting use the same identity, so case or whitespace variants neither miss
 *       the user nor escape its counter (CVE-2025-6004).</li>
 *   <li>An unknown user and a wrong password answer the same 400
 *       {@code invalid username or password}, and both run one bcrypt check of the same cost
 *       (the unknown user's against {@link PasswordHasher#dummyHash()}) and the same storage
 *       work (CVE-2025-6011).</li>
 *   <li>With lockout on, a user who reached the threshold gets Vault's 403
 *       {@code permission denied} until the lockout ends, even with the right password, and no
 *       password check is made. A success clears the count. The logins of one user run one at
 *       a time, so parallel guesses are counted exactly and cannot exceed the threshold.</li>
 *   <li>A user whose {@code token_bound_cidrs} do not allow the caller's address is refused
 *       with 403 {@code permission denied} after the password check (as Vault); the count is
 *       left as it is.</li>
 * </ul>
 */
final class LoginPaths {
    static final String INVALID_CREDENTIALS = "invalid username or password";
    static final String PERMISSION_DENIED = "permission denied";

    private final UserpassContext ctx;

    LoginPaths(UserpassContext ctx) {
        this.ctx = ctx;
    }

    List<Path> paths() {
        return List.of(Path.builder("login/{" + UserFields.USERNAME + ":[^/]+}")
                .field(UserFields.USERNAME, FieldType.STRING, "Username of the user.")
                .field(UserFields.PASSWORD, FieldType.STRING, "Password for this user.")
                .write(this::login)
                .synopsis("Log in with a username and password.")
                .build());
    }

    private Response login(Request request, FieldData data) {
        data.validate();
        byte[] password = UserFields.password(data);
        if (password == null) {
            throw new InvalidRequestException("missing password");
        }
        String name = UserNames.normalise(data.getString(UserFields.USERNAME));
        UserpassStore store = ctx.store(request.storage());
        try {
            return ctx.locks().locked(name, () -> attempt(request, store, name, password));
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    /** One login attempt; runs under the lock of {@code name}. */
    private Response attempt(Request request, UserpassStore store, String name, byte[] password) {
        Instant now = ctx.now();
        LockoutPolicy policy = ctx.lockout();
        boolean counting = !policy.disabled();
        boolean storable = UserNames.isValid(name);

        FailedLogins failures = counting && storable ? store.failedLogins(name) : null;
        if (failures != null && failures.lockedAt(policy, now)) {
            throw PermissionDeniedException.withMessage(PERMISSION_DENIED);
        }

        UserEntry user = storable ? store.user(name) : null;
        PasswordHasher hasher = ctx.hasher();
        boolean matches = hasher.verify(password, user != null ? user.passwordHash() : hasher.dummyHash());
        if (user == null || !matches) {
            if (counting) {
                FailedLogins next = FailedLogins.after(failures, policy, now);
                if (user != null) {
                    store.putFailedLogins(name, next);
                } else {
                    store.putDecoy(next);
                }
            }
            throw new InvalidRequestException(INVALID_CREDENTIALS);
        }

        if (!Cidrs.allows(user.token().boundCidrs(), request.remoteAddress())) {
            throw PermissionDeniedException.withMessage(PERMISSION_DENIED);
        }
        if (failures != null) {
            store.deleteFailedLogins(name);
        }
        Map<String, String> metadata = Map.of(UserFields.USERNAME, name);
        return Response.ofLogin(new LoginResult(name, metadata, name, metadata, user.token()));
    }
}
