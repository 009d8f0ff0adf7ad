package io.coffer.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenRoleGlobsTest {

    @ParameterizedTest
    @CsvSource({
            "'*', anything, true",
            "'*', '', true",
            "dev-*, dev-web, true",
            "dev-*, dev-, true",
            "dev-*, prod-web, false",
            "*-ro, kv-ro, true",
            "*-ro, kv-rw, false",
            "a*b*c, abc, true",
            "a*b*c, a-x-b-y-c, true",
            "a*b*c, acb, false",
            "ab*ba, aba, false",
            "ab*ba, abba, true",
            "exact, exact, true",
            "exact, exactly, false",
            "'', '', true",
            "'', x, false",
            "team/*, team/a/b, true"
    })
    void matches_goGlobSemantics(String pattern, String subject, boolean expected) {
        assertThat(Globs.matches(pattern, subject)).isEqualTo(expected);
    }

    @Test
    void anyMatches_oneOfSeveral_true() {
        assertThat(Globs.anyMatches(List.of("a-*", "b-*"), "b-1")).isTrue();
        assertThat(Globs.anyMatches(List.of("a-*", "b-*"), "c-1")).isFalse();
        assertThat(Globs.anyMatches(List.of(), "c-1")).isFalse();
    }
}
