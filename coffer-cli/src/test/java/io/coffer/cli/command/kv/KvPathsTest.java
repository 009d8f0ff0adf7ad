package io.coffer.cli.command.kv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KvPathsTest {
    @Test
    void addPrefix_pathBelowMount_insertsPrefixAfterMount() {
        assertThat(KvPaths.addPrefix("secret/foo", "secret/", "data")).isEqualTo("secret/data/foo");
        assertThat(KvPaths.addPrefix("secret/a/b/c", "secret/", "metadata"))
                .isEqualTo("secret/metadata/a/b/c");
    }

    @Test
    void addPrefix_mountItself_givesPrefixOnly() {
        assertThat(KvPaths.addPrefix("secret", "secret/", "metadata")).isEqualTo("secret/metadata");
        assertThat(KvPaths.addPrefix("secret/", "secret/", "data")).isEqualTo("secret/data");
    }

    @Test
    void addPrefix_nestedMount_keepsWholeMount() {
        assertThat(KvPaths.addPrefix("team/kv/app/db", "team/kv/", "data"))
                .isEqualTo("team/kv/data/app/db");
    }

    @Test
    void addPrefix_mountWithNamespaceNotInPath_dropsNamespace() {
        assertThat(KvPaths.addPrefix("secret/foo", "ns1/secret/", "data"))
                .isEqualTo("secret/data/foo");
    }

    @Test
    void join_cleansLikeGoPathJoin() {
        assertThat(KvPaths.join("secret/", "foo")).isEqualTo("secret/foo");
        assertThat(KvPaths.join("secret/", "data", "")).isEqualTo("secret/data");
        assertThat(KvPaths.join("a//b/", "./c/../d/")).isEqualTo("a/b/d");
        assertThat(KvPaths.join("", "")).isEmpty();
    }

    @Test
    void apiPath_v1WithMountFlag_joinsMountAndPath() {
        assertThat(new KvTarget("kv1/", false, "foo", true).apiPath("data")).isEqualTo("kv1/foo");
        assertThat(new KvTarget("", false, "kv1/foo", false).apiPath("data")).isEqualTo("kv1/foo");
    }

    @Test
    void apiPath_v2_rewritesWithPrefix() {
        assertThat(new KvTarget("secret/", true, "secret/foo", false).apiPath("destroy"))
                .isEqualTo("secret/destroy/foo");
    }
}
