package io.coffer.sdk.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;

import org.junit.jupiter.api.Test;

class PathTest {

    private static Path path(String pattern) {
        return Path.builder(pattern).build();
    }

    @Test
    void match_literalPattern_onlyWholePath() {
        Path p = path("lookup-self");

        assertThat(p.match("lookup-self")).isEmpty();
        assertThat(p.match("lookup-self/x")).isNull();
        assertThat(p.match("x/lookup-self")).isNull();
        assertThat(p.match("lookup")).isNull();
    }

    @Test
    void match_patternIsRegex_optionalTrailingSlash() {
        Path p = path("mounts/?");

        assertThat(p.match("mounts")).isEmpty();
        assertThat(p.match("mounts/")).isEmpty();
        assertThat(p.match("mounts//")).isNull();
        assertThat(p.match("mountsX")).isNull();
    }

    @Test
    void match_plainPlaceholder_capturesOneSegment() {
        Path p = path("roles/{role_name}");

        assertThat(p.match("roles/web")).containsExactly(entry("role_name", "web"));
        assertThat(p.match("roles/web/x")).isNull();
        assertThat(p.match("roles/")).isNull();
    }

    @Test
    void match_regexPlaceholder_capturesWhatRegexMatches() {
        Path p = path("data/{path:.+}");

        assertThat(p.match("data/a/b/c")).containsExactly(entry("path", "a/b/c"));
        assertThat(p.match("data/")).isNull();
    }

    @Test
    void match_regexPlaceholderAllowingEmpty_capturesEmptyString() {
        Path p = path("{path:.*}");

        assertThat(p.match("")).containsExactly(entry("path", ""));
        assertThat(p.match("x/y")).containsExactly(entry("path", "x/y"));
    }

    @Test
    void match_regexWithQuantifierBraces_keptInsidePlaceholder() {
        Path p = path("keys/{name:[a-z]{2,3}}");

        assertThat(p.match("keys/ab")).containsExactly(entry("name", "ab"));
        assertThat(p.match("keys/abcd")).isNull();
        assertThat(p.match("keys/a")).isNull();
    }

    @Test
    void match_severalPlaceholders_captureInOrder() {
        Path p = path("{mount:[^/]+}/tune/{name}");

        assertThat(p.match("secret/tune/x")).containsExactly(entry("mount", "secret"), entry("name", "x"));
    }

    @Test
    void match_placeholderInOptionalGroupNotTaken_capturesEmptyString() {
        Path p = path("accessors(/{id})?");

        assertThat(p.match("accessors")).containsExactly(entry("id", ""));
        assertThat(p.match("accessors/abc")).containsExactly(entry("id", "abc"));
    }

    @Test
    void match_userGroupsInsidePlaceholder_doNotShiftCaptures() {
        Path p = path("{kind:(a|b)}/{rest:(x|y)+}");

        assertThat(p.match("b/xyx")).containsExactly(entry("kind", "b"), entry("rest", "xyx"));
    }

    @Test
    void builder_recordsPatternFieldsHandlersAndSynopsis() {
        OperationHandler read = (req, data) -> Response.noContent();
        ExistenceCheck check = (req, data) -> true;
        Path p = Path.builder("data/{path:.+}")
                .field("path", FieldType.STRING, "where")
                .field("version", FieldType.INT, 0L, "which")
                .operation(Operation.READ, read)
                .existenceCheck(check)
                .synopsis("reads")
                .build();

        assertThat(p.pattern()).isEqualTo("data/{path:.+}");
        assertThat(p.fields()).containsOnlyKeys("path", "version");
        assertThat(p.fields().get("version").defaultValue()).isEqualTo(0L);
        assertThat(p.handler(Operation.READ)).isSameAs(read);
        assertThat(p.handler(Operation.DELETE)).isNull();
        assertThat(p.existenceCheck()).isSameAs(check);
        assertThat(p.synopsis()).isEqualTo("reads");
    }

    @Test
    void builderWrite_registersCreateAndUpdate() {
        OperationHandler write = (req, data) -> Response.noContent();
        Path p = Path.builder("x").write(write).build();

        assertThat(p.handler(Operation.CREATE)).isSameAs(write);
        assertThat(p.handler(Operation.UPDATE)).isSameAs(write);
        assertThat(p.handler(Operation.READ)).isNull();
        assertThat(p.existenceCheck()).isNull();
    }

    @Test
    void literalPrefix_stopsBeforeRegexAndPlaceholders_andDropsOptionalCharacter() {
        assertThat(Path.literalPrefix("config")).isEqualTo("config");
        assertThat(Path.literalPrefix("mounts/?")).isEqualTo("mounts");
        assertThat(Path.literalPrefix("data/{path:.*}")).isEqualTo("data");
        assertThat(Path.literalPrefix("{path:.*}")).isEmpty();
        assertThat(Path.literalPrefix("(delete|undelete)/x")).isEmpty();
    }

    @Test
    void match_optionalTrailingSlashAndPrefixCheck_behaveAsTheRegex() {
        Path list = Path.builder("mounts/?").build();
        assertThat(list.match("mounts")).isEmpty();
        assertThat(list.match("mounts/")).isEmpty();
        assertThat(list.match("mount")).isNull();
        assertThat(list.match("policy")).isNull();
        Path data = Path.builder("data/{path:.*}").build();
        assertThat(data.match("data/")).containsEntry("path", "");
        assertThat(data.match("datax/a")).isNull();
        assertThat(data.match("metadata/a")).isNull();
    }
}
