package io.coffer.builtin.auth.userpass;

import io.coffer.sdk.logical.TokenParams;
import io.coffer.sdk.logical.exception.InternalException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserpassCodecTest {
    private static final String HASH = "$2b$04$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui";

    private final UserpassCodec codec = new UserpassCodec();

    @Test
    void user_encodesTheDocumentedRecord() {
        UserEntry user = new UserEntry(HASH, new TokenParams(List.of("dev", "ops"), 3600, 7200, 0, 60, 2,
                List.of("10.0.0.0/8"), "service", true), EnumSet.of(LegacyField.TTL, LegacyField.POLICIES));

        assertThat(text(codec.encodeUser(user))).isEqualTo("{\"format_version\":1,\"password_hash\":\"" + HASH
                + "\",\"token_policies\":[\"dev\",\"ops\"],\"token_ttl\":3600,\"token_max_ttl\":7200,"
                + "\"token_explicit_max_ttl\":0,\"token_period\":60,\"token_num_uses\":2,"
                + "\"token_bound_cidrs\":[\"10.0.0.0/8\"],\"token_type\":\"service\",\"token_no_default_policy\":true,"
                + "\"legacy_fields\":[\"policies\",\"ttl\"]}");
    }

    @Test
    void user_roundTrips() {
        UserEntry user = new UserEntry(HASH, new TokenParams(List.of("a"), 1, 2, 3, 4, 5, List.of("::1/128"),
                "batch", false), Set.of(LegacyField.BOUND_CIDRS, LegacyField.PERIOD, LegacyField.MAX_TTL));

        assertThat(codec.decodeUser(codec.encodeUser(user))).isEqualTo(user);
    }

    @Test
    void user_toString_neverShowsTheHash() {
        UserEntry user = new UserEntry(HASH, TokenParams.defaults(), Set.of());

        assertThat(user.toString()).doesNotContain("$2b$").doesNotContain(HASH);
    }

    @Test
    void failedLogins_roundTripWithNanoseconds() {
        FailedLogins f = new FailedLogins(3, Instant.parse("2024-05-01T10:00:00.123456789Z"));

        assertThat(text(codec.encodeFailedLogins(f)))
                .isEqualTo("{\"format_version\":1,\"failed_attempts\":3,\"last_failed_time\":\"2024-05-01T10:00:00.123456789Z\"}");
        assertThat(codec.decodeFailedLogins(codec.encodeFailedLogins(f))).isEqualTo(f);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "[]",
            "{}",
            "{\"format_version\":\"1\",\"password_hash\":\"x\"}",
            "{\"format_version\":1,\"password_hash\":\"\",\"token_policies\":[],\"token_ttl\":0,\"token_max_ttl\":0,"
                    + "\"token_explicit_max_ttl\":0,\"token_period\":0,\"token_num_uses\":0,\"token_bound_cidrs\":[],"
                    + "\"token_type\":\"default\",\"token_no_default_policy\":false,\"legacy_fields\":[]}",
            "{\"format_version\":1,\"password_hash\":\"h\",\"token_policies\":[],\"token_ttl\":-1,\"token_max_ttl\":0,"
                    + "\"token_explicit_max_ttl\":0,\"token_period\":0,\"token_num_uses\":0,\"token_bound_cidrs\":[],"
                    + "\"token_type\":\"default\",\"token_no_default_policy\":false,\"legacy_fields\":[]}",
            "{\"format_version\":1,\"password_hash\":\"h\",\"token_policies\":[],\"token_ttl\":0,\"token_max_ttl\":0,"
                    + "\"token_explicit_max_ttl\":0,\"token_period\":0,\"token_num_uses\":0,\"token_bound_cidrs\":[],"
                    + "\"token_type\":\"default\",\"token_no_default_policy\":false,\"legacy_fields\":[\"nope\"]}",
    })
    void user_corruptRecord_isAnInternalErrorWithoutContent(String record) {
        assertThatThrownBy(() -> codec.decodeUser(record.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InternalException.class).hasMessage("corrupt userpass user record");
    }

    @Test
    void user_unknownFormatVersion_isRefused() {
        assertThatThrownBy(() -> codec.decodeUser("{\"format_version\":2,\"password_hash\":\"$2b$secret\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InternalException.class).hasMessage("unsupported format_version of userpass user record");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"format_version\":1,\"failed_attempts\":0,\"last_failed_time\":\"2024-05-01T10:00:00Z\"}",
            "{\"format_version\":1,\"failed_attempts\":1,\"last_failed_time\":\"yesterday\"}",
            "{\"format_version\":1,\"failed_attempts\":1}",
    })
    void failedLogins_corruptRecord_isAnInternalError(String record) {
        assertThatThrownBy(() -> codec.decodeFailedLogins(record.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InternalException.class).hasMessage("corrupt userpass failed-login record");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
