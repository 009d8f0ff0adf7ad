package io.coffer.core.token;

import static io.coffer.core.token.TokenFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The creation rules that need a hand-made parent token: lineage of CIDRs and entities, aliases. */
class TokenCreationTest {
    private final TokenFixture f = new TokenFixture();
    private final TokenBackend backend = new TokenBackend(f.store, entityId -> List.of());

    private Response create(String path, Map<String, ?> body, TokenEntry caller) {
        Request.Caller c = new Request.Caller(caller.id(), caller.accessor(), caller.policies(), caller.displayName(),
                caller.entityId(), caller.isRoot(), false);
        return backend.handleRequest(new Request("r", Operation.UPDATE, "auth/token/" + path, "auth/token/",
                new HashMap<>(body), c, null, "10.1.2.3"));
    }

    private TokenEntry stored(Response r) {
        return f.store.lookup(r.auth().clientToken());
    }

    private static TokenRole aliasRole(String name, String... aliases) {
        return new TokenRole(1, name, List.of(), List.of(), List.of(), List.of(), false, true, "", List.of(aliases), 0, 0,
                List.of(), false, 0, "default-service", 0, 0, List.of());
    }

    private TokenEntry parent(List<String> cidrs, String entityId, long ttl) {
        return f.store.create(new TokenCreateRequest("", "", List.of("default", "web"), null, "token", 0, ttl, 0, 0, true,
                "auth/userpass/login", entityId, "", cidrs, 0, "service")).entry();
    }

    @Test
    void create_childOfCidrBoundParent_inheritsCidrs() {
        TokenEntry parent = parent(List.of("10.0.0.0/8"), "", 3600);

        TokenEntry child = stored(create("create", Map.of("policies", "web"), parent));

        assertThat(child.boundCidrs()).containsExactly("10.0.0.0/8");
    }

    @Test
    void create_childOfEntityToken_inheritsEntity() {
        TokenEntry parent = parent(List.of(), "entity-1", 3600);

        TokenEntry child = stored(create("create", Map.of(), parent));

        assertThat(child.entityId()).isEqualTo("entity-1");
    }

    @Test
    void create_roleWithoutCidrs_childNotBoundByParentCidrs() {
        TokenEntry parent = parent(List.of("10.0.0.0/8"), "", 3600);
        f.store.roles().put(TokenRole.defaults("app"));

        TokenEntry child = stored(create("create/app", Map.of(), parent));

        assertThat(child.boundCidrs()).isEmpty();
        assertThat(child.role()).isEqualTo("app");
    }

    @Test
    void create_allowedEntityAlias_attachesResolvedEntity() {
        TokenEntry root = f.create(spec().policies("root"));
        f.store.roles().put(aliasRole("ci", "ci-*"));
        f.store.setEntityAliases(alias -> "entity-of-" + alias);

        TokenEntry child = stored(create("create/ci", Map.of("entity_alias", "CI-Runner"), root));

        assertThat(child.entityId()).isEqualTo("entity-of-CI-Runner");
    }

    @Test
    void create_allowedEntityAliasWithoutIdentityStore_400() {
        TokenEntry root = f.create(spec().policies("root"));
        f.store.roles().put(aliasRole("ci", "ci-*"));

        assertThatThrownBy(() -> create("create/ci", Map.of("entity_alias", "ci-1"), root))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("entity aliases are not supported for token creation yet");
    }

    @Test
    void create_nonExpiringRootFromExpiringRoot_400() {
        TokenEntry expiringRoot = f.create(spec().policies("root").ttl(3600));

        assertThatThrownBy(() -> create("create", Map.of("policies", "root"), expiringRoot))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("expiring root tokens cannot create non-expiring root tokens");
        assertThat(create("create", Map.of("policies", "root", "ttl", "10m"), expiringRoot).auth().leaseDuration())
                .isEqualTo(600);
    }
}
