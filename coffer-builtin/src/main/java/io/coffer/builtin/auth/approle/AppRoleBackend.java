package io.coffer.builtin.auth.approle;

import io.coffer.sdk.framework.FrameworkBackend;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.BackendConfig;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The AppRole auth method of one mount: roles, role IDs, secret IDs and {@code login}, speaking
 * Vault's {@code auth/approle} API. {@code login} is the only unauthenticated path. Thread-safe:
 * every read-modify-write of a role's records, logins included, runs under that role's lock.
 * Secret IDs, role IDs and accessors are keyed in storage by HMAC under a per-mount random key;
 * no secret ID is ever stored. Time comes only from {@link BackendConfig#clock()}. The storage
 * format is in {@code docs/storage-formats/approle.md}.
 */
public final class AppRoleBackend extends FrameworkBackend {
    private final AppRoleContext ctx;

    public AppRoleBackend(BackendConfig config) {
        this(new AppRoleContext(config.storage(), config.clock() == null ? Clock.systemUTC() : config.clock(),
                new SecureRandom()));
    }

    private AppRoleBackend(AppRoleContext ctx) {
        super(paths(ctx));
        this.ctx = ctx;
    }

    private static List<Path> paths(AppRoleContext ctx) {
        RoleWriter writer = new RoleWriter(ctx);
        List<Path> paths = new ArrayList<>();
        paths.addAll(new LoginPaths(ctx).paths());
        paths.addAll(new RolePaths(ctx, writer).paths());
        paths.addAll(new RoleIdPaths(ctx, writer).paths());
        paths.addAll(new RoleFieldPaths(ctx, writer).paths());
        paths.addAll(new SecretIdPaths(ctx, new SecretIdIssuer(ctx)).paths());
        paths.addAll(new SecretIdLookupPaths(ctx).paths());
        paths.addAll(new TidyPaths(ctx).paths());
        return paths;
    }

    /** {@inheritDoc} Only {@code login}: everything else needs a token. */
    @Override
    public List<String> unauthenticatedPaths() {
        return List.of("login");
    }

    /** Zeroes the cached HMAC key. */
    @Override
    public void cleanup() {
        ctx.close();
    }
}
