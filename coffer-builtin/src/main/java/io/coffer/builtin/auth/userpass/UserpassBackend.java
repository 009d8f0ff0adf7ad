package io.coffer.builtin.auth.userpass;

import io.coffer.builtin.concurrent.StripedLocks;
import io.coffer.sdk.framework.FrameworkBackend;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.BackendConfig;
import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.UserLockouts;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The userpass auth method of one mount: Vault's {@code users/}, {@code users/{u}},
 * {@code users/{u}/password}, {@code users/{u}/policies} and {@code login/{u}} endpoints, with
 * bcrypt password hashes and Vault's user lockout, which it reports to the core as
 * {@link UserLockouts} for {@code sys/locked-users}. {@code login/*} needs no token.
 *
 * <p>Thread-safe: every read-modify-write of a user or its failed-login record runs under that
 * user's lock (see {@link LoginPaths} for what logins guarantee). Time comes only from the
 * {@link BackendConfig#clock()}. The storage format is in
 * {@code docs/storage-formats/userpass.md}.
 */
public final class UserpassBackend extends FrameworkBackend implements UserLockouts {
    /** Lock stripes per mount: enough that unrelated users rarely wait for each other. */
    private static final int LOCK_STRIPES = 256;

    private final LockedUsers lockedUsers;

    /** A backend with bcrypt hashes of {@code settings.bcryptCost()}. */
    public UserpassBackend(BackendConfig config, UserpassSettings settings) {
        this(config, settings, new BcryptHasher(settings.bcryptCost(), new SecureRandom()));
    }

    /** A backend with another hasher (tests count its checks). */
    UserpassBackend(BackendConfig config, UserpassSettings settings, PasswordHasher hasher) {
        this(new UserpassContext(config.storage(), new UserpassCodec(), new StripedLocks(LOCK_STRIPES), hasher,
                settings.lockout(), config.clock()));
    }

    private UserpassBackend(UserpassContext ctx) {
        super(paths(ctx));
        this.lockedUsers = new LockedUsers(ctx);
    }

    private static List<Path> paths(UserpassContext ctx) {
        List<Path> paths = new ArrayList<>();
        paths.addAll(new LoginPaths(ctx).paths());
        paths.addAll(new UserPasswordPaths(ctx).paths());
        paths.addAll(new UserPoliciesPaths(ctx).paths());
        paths.addAll(new UserPaths(ctx).paths());
        return paths;
    }

    /** {@code login/*}: logging in needs no token. */
    @Override
    public List<String> unauthenticatedPaths() {
        return List.of("login/*");
    }

    @Override
    public Map<String, Instant> lockedUsers(Storage storage) {
        return lockedUsers.lockedUsers(storage);
    }

    @Override
    public void unlock(Storage storage, String aliasIdentifier) {
        lockedUsers.unlock(storage, aliasIdentifier);
    }
}
