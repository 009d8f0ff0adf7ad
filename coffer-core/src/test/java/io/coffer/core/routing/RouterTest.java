package io.coffer.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.sdk.logical.Backend;
import io.coffer.sdk.logical.Response;

import org.junit.jupiter.api.Test;

class RouterTest {
    private static final Backend NOOP = request -> Response.noContent();

    private final Router router = new Router();

    private static Route route(String table, String path) {
        return new Route(new MountEntry(table, path, "kv", "", "uuid-" + path, "kv_0", false, false, false, null, null, ""),
                NOOP, null);
    }

    private Route mount(String path) {
        Route r = route(MountEntry.TABLE_MOUNTS, path);
        router.mount(r);
        return r;
    }

    @Test
    void match_nestedMounts_longestPrefixWins() {
        Route secret = mount("secret/");
        Route team = mount("secret/team/");

        assertThat(router.match("secret/team/app")).isSameAs(team);
        assertThat(router.match("secret/team/")).isSameAs(team);
        assertThat(router.match("secret/teams/app")).isSameAs(secret);
        assertThat(router.match("secret/app")).isSameAs(secret);
        assertThat(router.match("secret/")).isSameAs(secret);
    }

    @Test
    void match_prefixMustEndAtSegmentBoundary() {
        mount("secret/");

        assertThat(router.match("secretx/app")).isNull();
        assertThat(router.match("secre/app")).isNull();
        assertThat(router.match("other/secret/app")).isNull();
    }

    @Test
    void match_pathWithoutSlash_null() {
        mount("secret/");

        assertThat(router.match("secret")).isNull();
        assertThat(router.match("")).isNull();
    }

    @Test
    void match_authMount_routedByApiPath() {
        Route token = route(MountEntry.TABLE_AUTH, "token/");
        router.mount(token);

        assertThat(token.mountPoint()).isEqualTo("auth/token/");
        assertThat(router.match("auth/token/lookup-self")).isSameAs(token);
        assertThat(router.match("token/lookup-self")).isNull();
    }

    @Test
    void unmount_removesOnlyThatMount() {
        Route secret = mount("secret/");
        mount("secret/team/");

        router.unmount("secret/team/");

        assertThat(router.match("secret/team/app")).isSameAs(secret);
        assertThat(router.exact("secret/team/")).isNull();
        assertThat(router.routes()).containsExactly(secret);
    }

    @Test
    void exact_onlyTheMountPointItself() {
        Route secret = mount("secret/");

        assertThat(router.exact("secret/")).isSameAs(secret);
        assertThat(router.exact("secret/app")).isNull();
        assertThat(router.exact("secret")).isNull();
    }

    @Test
    void conflict_samePath_reportsExisting() {
        mount("secret/");

        assertThat(router.conflict("secret/")).isEqualTo("secret/");
    }

    @Test
    void conflict_newUnderExisting_reportsExisting() {
        mount("secret/");

        assertThat(router.conflict("secret/nested/")).isEqualTo("secret/");
    }

    @Test
    void conflict_newAboveExisting_reportsExisting() {
        mount("team/a/");

        assertThat(router.conflict("team/")).isEqualTo("team/a/");
    }

    @Test
    void conflict_siblingsAndSharedTextPrefix_none() {
        mount("secret/");
        mount("team/a/");

        assertThat(router.conflict("secrets/")).isNull();
        assertThat(router.conflict("sec/")).isNull();
        assertThat(router.conflict("team/b/")).isNull();
    }

    @Test
    void conflict_authTree_coveredByAuthPrefix() {
        router.mount(route(MountEntry.TABLE_AUTH, "token/"));

        assertThat(router.conflict("auth/")).isEqualTo("auth/token/");
        assertThat(router.conflict("auth/userpass/")).isNull();
    }

    @Test
    void clear_forgetsEverything() {
        mount("secret/");
        mount("kv/");

        router.clear();

        assertThat(router.routes()).isEmpty();
        assertThat(router.match("secret/x")).isNull();
    }

    @Test
    void mount_samePointTwice_lastWins() {
        mount("secret/");
        Route replacement = mount("secret/");

        assertThat(router.match("secret/x")).isSameAs(replacement);
        assertThat(router.routes()).hasSize(1);
    }
}
