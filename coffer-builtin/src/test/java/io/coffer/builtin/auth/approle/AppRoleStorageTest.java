package io.coffer.builtin.auth.approle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.sdk.logical.StorageEntry;
import io.coffer.sdk.logical.exception.InternalException;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppRoleStorageTest {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private final AppRoleFixture f = new AppRoleFixture();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void noSecretIdAppearsInClear_inAnyKeyOrValue() {
        f.write("role/web", "{'secret_id_num_uses':3}");
        String roleId = f.roleId("web");
        List<String> secrets = List.of(f.secretId("web"), f.secretId("web"),
                (String) f.write("role/web/custom-secret-id", "{'secret_id':'custom-plain-secret'}").data().get("secret_id"));
        f.loginResult(roleId, secrets.get(0));

        Map<String, String> all = f.h.storage().snapshot();

        for (String secret : secrets) {
            assertThat(all.keySet()).noneMatch(k -> k.contains(secret));
            assertThat(all.values()).noneMatch(v -> v.contains(secret));
            // nor the secret ID's UTF-8 bytes base64-encoded
            String b64 = Base64.getEncoder().encodeToString(secret.getBytes());
            assertThat(all.values()).noneMatch(v -> v.contains(b64));
        }
        // the role ID is stored in the role record only (for role-id reads), never as a key
        assertThat(all.keySet()).noneMatch(k -> k.contains(roleId));
        assertThat(all.entrySet()).filteredOn(e -> e.getValue().contains(roleId)).extracting(Map.Entry::getKey)
                .containsExactly("role/web");
    }

    @Test
    void layout_isAsDocumented() throws Exception {
        f.write("role/web", "");
        Map<String, Object> gen = f.generate("web", "{'metadata':'a=b'}");

        List<String> keys = f.h.storage().keys();

        assertThat(keys).hasSize(5).contains("hmac-key", "role/web");
        assertThat(keys).filteredOn(k -> k.startsWith("role-id/")).singleElement()
                .satisfies(k -> assertThat(k.substring("role-id/".length())).matches(HEX64));
        String secretKey = keys.stream().filter(k -> k.startsWith("secret-id/web/")).findFirst().orElseThrow();
        String secretHmac = secretKey.substring("secret-id/web/".length());
        assertThat(secretHmac).matches(HEX64);
        String accessorKey = keys.stream().filter(k -> k.startsWith("accessor/")).findFirst().orElseThrow();
        assertThat(accessorKey.substring("accessor/".length())).matches(HEX64);

        JsonNode entry = read(secretKey);
        assertThat(entry.get("format_version").intValue()).isEqualTo(1);
        assertThat(entry.get("secret_id_hmac").textValue()).isEqualTo(secretHmac);
        assertThat(entry.get("secret_id_accessor").textValue()).isEqualTo(gen.get("secret_id_accessor"));
        assertThat(entry.get("expiration_time").isNull()).isTrue();
        assertThat(entry.get("metadata").get("a").textValue()).isEqualTo("b");
        JsonNode accessor = read(accessorKey);
        assertThat(accessor.get("format_version").intValue()).isEqualTo(1);
        assertThat(accessor.get("role_name").textValue()).isEqualTo("web");
        assertThat(accessor.get("secret_id_hmac").textValue()).isEqualTo(secretHmac);
        JsonNode role = read("role/web");
        assertThat(role.get("format_version").intValue()).isEqualTo(1);
        assertThat(role.get("token").get("type").textValue()).isEqualTo("default");
        JsonNode key = read("hmac-key");
        assertThat(key.get("algorithm").textValue()).isEqualTo("HmacSHA256");
        assertThat(Base64.getDecoder().decode(key.get("key").textValue())).hasSize(32);
    }

    @Test
    void hmacKey_isRandomPerMount_soHmacsDifferAcrossMounts() {
        AppRoleFixture other = new AppRoleFixture();
        f.write("role/web", "{'role_id':'same'}");
        other.write("role/web", "{'role_id':'same'}");

        assertThat(f.h.storage().text("hmac-key")).isNotEqualTo(other.h.storage().text("hmac-key"));
        assertThat(f.h.storage().keys()).filteredOn(k -> k.startsWith("role-id/"))
                .doesNotContainAnyElementsOf(other.h.storage().keys());
    }

    @Test
    void hmacLabels_separateDomains() {
        try (var key = io.coffer.crypto.SecretBytes.wrap(HexFormat.of().parseHex("00".repeat(32)))) {
            Hasher h = new Hasher(key);
            assertThat(h.hmac(Hasher.Label.ROLE_ID, "x")).isNotEqualTo(h.hmac(Hasher.Label.SECRET_ID, "x"))
                    .isNotEqualTo(h.hmac(Hasher.Label.ACCESSOR, "x")).matches(HEX64);
            assertThat(h.hmac(Hasher.Label.SECRET_ID, "x")).isEqualTo(h.hmac(Hasher.Label.SECRET_ID, "x"));
            assertThat(h.toString()).doesNotContain("00000000");
        }
    }

    @Test
    void aNewBackendOnTheSameStorage_keepsWorking() {
        f.write("role/web", "");
        String roleId = f.roleId("web");
        String secret = f.secretId("web");

        AppRoleBackend again = new AppRoleBackend(new io.coffer.sdk.logical.BackendConfig(f.h.storage(), AppRoleFixture.MOUNT,
                Map.of(), null, f.h.clock()));
        var request = new io.coffer.sdk.logical.Request("id", io.coffer.sdk.logical.Operation.UPDATE,
                AppRoleFixture.MOUNT + "login", AppRoleFixture.MOUNT, Map.of("role_id", roleId, "secret_id", secret),
                null, f.h.storage(), "");

        assertThat(again.handleRequest(request).login().aliasName()).isEqualTo(roleId);
        again.cleanup();
    }

    @Test
    void corruptOrFutureRecords_areRefusedWithoutDetail() {
        f.write("role/web", "");
        String roleId = f.roleId("web");
        f.h.storage().put(new StorageEntry("role/web", "{\"format_version\":2,\"name\":\"web\"}".getBytes()));

        assertThatThrownBy(() -> f.read("role/web")).isInstanceOf(InternalException.class)
                .hasMessage("unsupported format_version of approle role record");
        f.h.storage().put(new StorageEntry("role/web", "not json".getBytes()));
        assertThatThrownBy(() -> f.read("role/web")).isInstanceOf(InternalException.class).hasMessage("corrupt approle role record");
        assertThat(f.loginFailure(roleId, "x")).isInstanceOf(InternalException.class)
                .hasMessage("corrupt approle role record");
    }

    @Test
    void codec_roundTripsEveryRecord() {
        AppRoleCodec codec = new AppRoleCodec();
        RoleEntry role = new RoleEntry("web", "rid", false, List.of("10.0.0.0/8"), 3, 60, true,
                new io.coffer.sdk.logical.TokenParams(List.of("a"), 1, 2, 3, 4, 5, List.of("10.0.0.0/8"), "batch", true), true, true);
        SecretIdEntry secret = new SecretIdEntry("ab".repeat(32), "acc", "web", 2, 60,
                java.time.Instant.parse("2024-01-01T00:00:00Z"), java.time.Instant.parse("2024-01-01T00:01:00.5Z"),
                java.time.Instant.parse("2024-01-01T00:00:30.000000001Z"), Map.of("k", "v"), List.of("1.2.3.4"), List.of("::1/128"));
        AccessorEntry accessor = new AccessorEntry("web", "cd".repeat(32));

        assertThat(codec.decodeRole(codec.encodeRole(role))).isEqualTo(role);
        assertThat(codec.decodeSecretId(codec.encodeSecretId(secret))).isEqualTo(secret);
        assertThat(codec.decodeAccessor(codec.encodeAccessor(accessor))).isEqualTo(accessor);
        assertThat(codec.decodeRoleIdIndex(codec.encodeRoleIdIndex("web"))).isEqualTo("web");
    }

    private JsonNode read(String key) throws Exception {
        return json.readTree(f.h.storage().text(key));
    }
}
