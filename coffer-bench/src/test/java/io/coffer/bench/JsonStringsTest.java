package io.coffer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonStringsTest {
    private static final String SECRET_ID_ANSWER = "{\"request_id\":\"r\",\"data\":{\"secret_id_accessor\":\"acc\","
            + "\"secret_id\":\"33f9b735-41ad\",\"secret_id_ttl\":0},\"auth\":null}";

    @Test
    void member_matchesTheWholeName() {
        assertThat(JsonStrings.member(SECRET_ID_ANSWER, "secret_id")).isEqualTo("33f9b735-41ad");
        assertThat(JsonStrings.member(SECRET_ID_ANSWER, "secret_id_accessor")).isEqualTo("acc");
        assertThat(JsonStrings.member(SECRET_ID_ANSWER, "secret")).isNull();
    }

    @Test
    void member_nonStringValueOrMissingMember_isNull() {
        assertThat(JsonStrings.member(SECRET_ID_ANSWER, "secret_id_ttl")).isNull();
        assertThat(JsonStrings.member(SECRET_ID_ANSWER, "auth")).isNull();
        assertThat(JsonStrings.member("{\"a\":\"unterminated", "a")).isNull();
    }

    @Test
    void member_decodesEscapes() {
        assertThat(JsonStrings.member("{\"a\" : \"q\\\"b\\\\s\\/\\n\\u00e9\"}", "a")).isEqualTo("q\"b\\s/\né");
        assertThat(JsonStrings.member("{\"a\":\"bad\\x\"}", "a")).isNull();
        assertThat(JsonStrings.member("{\"a\":\"\\u12\"}", "a")).isNull();
    }

    @Test
    void valueStart_findsObjectValueAndMemberInsideIt() {
        String mounts = "{\"token/\":{\"type\":\"token\"},\"approle/\":{\"config\":{\"token_type\":\"service\"},"
                + "\"type\":\"approle\"}}";

        int approle = JsonStrings.valueStart(mounts, 0, "approle/", '{');

        assertThat(approle).isPositive();
        assertThat(JsonStrings.member(mounts, approle, "type")).isEqualTo("approle");
        assertThat(JsonStrings.valueStart(mounts, 0, "userpass/", '{')).isEqualTo(-1);
        assertThat(JsonStrings.valueStart("{\"x/\":\"s\"}", 0, "x/", '{')).isEqualTo(-1);
    }
}
