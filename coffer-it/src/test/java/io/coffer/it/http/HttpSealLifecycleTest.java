package io.coffer.it.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static io.coffer.it.http.HttpAsserts.assertError;
import static io.coffer.it.http.HttpAsserts.assertErrorContaining;
import static io.coffer.it.http.HttpAsserts.assertVaultHeaders;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node lifecycle over HTTP on a fresh core: {@code sys/init}, {@code sys/unseal},
 * {@code sys/seal-status}, {@code sys/seal}, and what a sealed node answers.
 */
class HttpSealLifecycleTest {
    private FreshCoreServer node;
    private VaultHttp http;

    @BeforeEach
    void start() {
        node = FreshCoreServer.start();
        http = node.http();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    /** keys, keys_base64 and root_token of an init answer. */
    private record Init(List<String> hex, List<String> base64, String rootToken) {
    }

    private Init init(int shares, int threshold) {
        VaultHttp.Result r = http.put("sys/init", "{\"secret_shares\":" + shares + ",\"secret_threshold\":" + threshold
                + ",\"pgp_keys\":null,\"root_token_pgp_key\":\"\",\"recovery_shares\":0,\"recovery_threshold\":0}").send();
        assertThat(r.status()).isEqualTo(200);
        assertVaultHeaders(r);
        JsonNode b = r.json();
        List<String> hex = new ArrayList<>();
        List<String> b64 = new ArrayList<>();
        b.path("keys").forEach(k -> hex.add(k.asText()));
        b.path("keys_base64").forEach(k -> b64.add(k.asText()));
        return new Init(hex, b64, b.path("root_token").asText());
    }

    private JsonNode sealStatus() {
        VaultHttp.Result r = http.get("sys/seal-status").send();
        assertThat(r.status()).isEqualTo(200);
        assertVaultHeaders(r);
        return r.json();
    }

    private VaultHttp.Result unseal(String key) {
        return http.put("sys/unseal", "{\"key\":\"" + key + "\"}").send();
    }

    @Test
    void initStatus_freshNode_reportsNotInitialised() {
        VaultHttp.Result r = http.get("sys/init").send();

        assertThat(r.status()).isEqualTo(200);
        assertVaultHeaders(r);
        assertThat(r.json().path("initialized").asBoolean()).isFalse();
        JsonNode status = sealStatus();
        assertThat(status.path("initialized").asBoolean()).isFalse();
        assertThat(status.path("sealed").asBoolean()).isTrue();
        assertThat(status.path("type").asText()).isEqualTo("shamir");
    }

    @Test
    void init_oneShare_returnsRawKeyAndUnsealsWithHex() {
        Init init = init(1, 1);

        assertThat(init.hex()).singleElement().asString().matches("[0-9a-f]{64}");
        assertThat(Base64.getDecoder().decode(init.base64().get(0))).isEqualTo(HexFormat.of().parseHex(init.hex().get(0)));
        assertThat(init.rootToken()).isNotEmpty();
        assertThat(http.get("sys/init").send().json().path("initialized").asBoolean()).isTrue();
        JsonNode sealed = sealStatus();
        assertThat(sealed.path("sealed").asBoolean()).isTrue();
        assertThat(sealed.path("t").asInt()).isEqualTo(1);
        assertThat(sealed.path("n").asInt()).isEqualTo(1);
        assertThat(sealed.path("progress").asInt()).isZero();

        VaultHttp.Result r = unseal(init.hex().get(0));

        assertThat(r.status()).isEqualTo(200);
        assertVaultHeaders(r);
        assertThat(r.json().path("sealed").asBoolean()).isFalse();
        assertThat(r.json().path("progress").asInt()).isZero();
        assertThat(r.json().path("nonce").asText()).isEmpty();
        assertThat(r.json().path("cluster_id").asText()).isNotEmpty();
        assertThat(http.get("sys/mounts").token(init.rootToken()).send().status()).isEqualTo(200);
    }

    @Test
    void init_fiveSharesThresholdThree_unsealsWithThreeBase64Shares() {
        Init init = init(5, 3);

        assertThat(init.hex()).hasSize(5).allSatisfy(k -> assertThat(k).matches("[0-9a-f]{66}"));
        assertThat(init.base64()).hasSize(5).allSatisfy(k -> assertThat(k).hasSize(44));
        assertThat(init.hex()).doesNotHaveDuplicates();
        JsonNode status = sealStatus();
        assertThat(status.path("t").asInt()).isEqualTo(3);
        assertThat(status.path("n").asInt()).isEqualTo(5);

        JsonNode first = unseal(init.base64().get(4)).json();
        assertThat(first.path("sealed").asBoolean()).isTrue();
        assertThat(first.path("progress").asInt()).isEqualTo(1);
        String nonce = first.path("nonce").asText();
        assertThat(nonce).isNotEmpty();

        JsonNode second = unseal(init.base64().get(0)).json();
        assertThat(second.path("progress").asInt()).isEqualTo(2);
        assertThat(second.path("nonce").asText()).isEqualTo(nonce);

        JsonNode third = unseal(init.base64().get(2)).json();
        assertThat(third.path("sealed").asBoolean()).isFalse();
        assertThat(third.path("progress").asInt()).isZero();
        assertThat(third.path("nonce").asText()).isEmpty();
        assertThat(sealStatus().path("sealed").asBoolean()).isFalse();
        assertThat(http.get("sys/health").send().status()).isEqualTo(200);
    }

    @Test
    void unseal_mixedHexAndBase64Shares_unseals() {
        Init init = init(5, 3);

        unseal(init.hex().get(1));
        unseal(init.base64().get(3));
        VaultHttp.Result r = unseal(init.hex().get(4));

        assertThat(r.json().path("sealed").asBoolean()).isFalse();
    }

    @Test
    void unseal_duplicateShare_isNotCountedTwice() {
        Init init = init(5, 3);

        unseal(init.hex().get(0));
        JsonNode again = unseal(init.base64().get(0)).json();

        assertThat(again.path("sealed").asBoolean()).isTrue();
        assertThat(again.path("progress").asInt()).isEqualTo(1);
    }

    @Test
    void unseal_wrongShareAtThreshold_returns400AndResetsProgress() {
        Init init = init(5, 3);
        byte[] forged = HexFormat.of().parseHex(init.hex().get(2));
        forged[0] ^= 0x5a;
        unseal(init.hex().get(0));
        assertThat(unseal(init.hex().get(1)).json().path("progress").asInt()).isEqualTo(2);

        VaultHttp.Result r = unseal(HexFormat.of().formatHex(forged));

        assertThat(r.status()).isEqualTo(400);
        assertVaultHeaders(r);
        assertThat(r.errors()).singleElement().asString().isNotBlank().doesNotContain(HexFormat.of().formatHex(forged));
        JsonNode status = sealStatus();
        assertThat(status.path("sealed").asBoolean()).isTrue();
        assertThat(status.path("progress").asInt()).isZero();
        assertThat(status.path("nonce").asText()).isEmpty();
        unseal(init.hex().get(2));
        unseal(init.hex().get(3));
        assertThat(unseal(init.hex().get(4)).json().path("sealed").asBoolean()).isFalse();
    }

    @Test
    void unseal_wrongKeyForSingleShare_returns400AndStaysSealed() {
        Init init = init(1, 1);
        byte[] wrong = HexFormat.of().parseHex(init.hex().get(0));
        wrong[5] ^= 0x01;

        VaultHttp.Result r = unseal(HexFormat.of().formatHex(wrong));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().has("errors")).isTrue();
        assertThat(sealStatus().path("sealed").asBoolean()).isTrue();
    }

    @Test
    void unseal_resetTrue_discardsCollectedShares() {
        Init init = init(5, 3);
        unseal(init.hex().get(0));
        assertThat(unseal(init.hex().get(1)).json().path("progress").asInt()).isEqualTo(2);

        VaultHttp.Result r = http.put("sys/unseal", "{\"reset\":true}").send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("progress").asInt()).isZero();
        assertThat(r.json().path("nonce").asText()).isEmpty();
        assertThat(r.json().path("sealed").asBoolean()).isTrue();
        assertThat(unseal(init.hex().get(2)).json().path("progress").asInt()).isEqualTo(1);
    }

    @Test
    void unseal_resetWinsOverKey() {
        Init init = init(5, 3);
        unseal(init.hex().get(0));

        VaultHttp.Result r = http.put("sys/unseal", "{\"reset\":true,\"key\":\"" + init.hex().get(1) + "\"}").send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("progress").asInt()).isZero();
    }

    @Test
    void unseal_neitherKeyNorReset_returns400WithVaultMessage() {
        init(1, 1);

        VaultHttp.Result r = http.put("sys/unseal", "{}").send();

        assertError(r, 400, "'key' must be specified in request body as JSON, or 'reset' set to true");
        assertThat(sealStatus().path("sealed").asBoolean()).isTrue();
    }

    @Test
    void unseal_undecodableKey_returns400WithoutEchoingIt() {
        init(1, 1);

        VaultHttp.Result r = http.put("sys/unseal", "{\"key\":\"!!not-a-key!!\"}").send();

        assertError(r, 400, "'key' must be a valid hex or base64 string");
    }

    @Test
    void unseal_beforeInit_returns400() {
        VaultHttp.Result r = http.put("sys/unseal", "{\"key\":\"" + "00".repeat(32) + "\"}").send();

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().has("errors")).isTrue();
        assertThat(sealStatus().path("initialized").asBoolean()).isFalse();
    }

    @Test
    void init_twice_returns400AlreadyInitialised() {
        init(1, 1);

        VaultHttp.Result r = http.put("sys/init", "{\"secret_shares\":1,\"secret_threshold\":1}").send();

        assertError(r, 400, "Vault is already initialized");
    }

    @Test
    void init_invalidSealConfiguration_returns400AndStaysUninitialised() {
        assertErrorContaining(http.put("sys/init", "{\"secret_shares\":0,\"secret_threshold\":0}").send(), 400,
                "shares must be at least one");
        assertErrorContaining(http.put("sys/init", "{\"secret_shares\":5,\"secret_threshold\":1}").send(), 400,
                "threshold must be greater than one for multiple shares");
        assertErrorContaining(http.put("sys/init", "{\"secret_shares\":3,\"secret_threshold\":4}").send(), 400,
                "threshold cannot be larger than shares");
        assertErrorContaining(http.put("sys/init", "{\"secret_shares\":1,\"secret_threshold\":1,\"recovery_shares\":1}").send(),
                400, "parameters specific to auto unseal seals present");

        assertThat(http.get("sys/init").send().json().path("initialized").asBoolean()).isFalse();
    }

    @Test
    void logicalPath_onSealedNode_returns503VaultIsSealed() {
        Init init = init(1, 1);

        assertError(http.get("sys/mounts").token(init.rootToken()).send(), 503, "Vault is sealed");
        assertError(http.get("secret/data/app").token(init.rootToken()).send(), 503, "Vault is sealed");
        assertError(http.list("sys/policies/acl").token(init.rootToken()).send(), 503, "Vault is sealed");
    }

    @Test
    void logicalPath_onUninitialisedNode_returns503() {
        VaultHttp.Result r = http.get("sys/mounts").send();

        assertError(r, 503, "Vault is sealed");
    }

    @Test
    void seal_withoutToken_returns403AndStaysUnsealed() {
        Init init = init(1, 1);
        unseal(init.hex().get(0));

        VaultHttp.Result r = http.put("sys/seal", "").send();

        assertThat(r.status()).isEqualTo(403);
        assertVaultHeaders(r);
        assertThat(r.errors()).singleElement().asString().contains("permission denied");
        assertThat(sealStatus().path("sealed").asBoolean()).isFalse();
    }

    @Test
    void seal_withTokenLackingSudo_returns403AndStaysUnsealed() {
        Init init = init(1, 1);
        unseal(init.hex().get(0));
        VaultHttp.Result created = http.post("auth/token/create", "{\"policies\":[\"default\"]}").token(init.rootToken()).send();
        assertThat(created.status()).isEqualTo(200);
        String limited = created.json().path("auth").path("client_token").asText();

        VaultHttp.Result r = http.put("sys/seal", "").token(limited).send();

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errors()).singleElement().asString().contains("permission denied");
        assertThat(sealStatus().path("sealed").asBoolean()).isFalse();
    }

    @Test
    void seal_withRootToken_returns204AndSealsNode() {
        Init init = init(1, 1);
        unseal(init.hex().get(0));

        VaultHttp.Result r = http.put("sys/seal", "").token(init.rootToken()).send();

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.bytes()).isEmpty();
        assertThat(sealStatus().path("sealed").asBoolean()).isTrue();
        assertError(http.get("sys/mounts").token(init.rootToken()).send(), 503, "Vault is sealed");
        assertThat(unseal(init.base64().get(0)).json().path("sealed").asBoolean()).isFalse();
        assertThat(http.get("sys/mounts").token(init.rootToken()).send().status()).isEqualTo(200);
    }

    @Test
    void seal_onSealedNode_isNoOp204() {
        init(1, 1);

        VaultHttp.Result r = http.put("sys/seal", "").send();

        assertThat(r.status()).isEqualTo(204);
        assertThat(sealStatus().path("sealed").asBoolean()).isTrue();
    }

    @Test
    void unseal_resetWhileUnsealed_returns400() {
        Init init = init(1, 1);
        unseal(init.hex().get(0));

        assertError(http.put("sys/unseal", "{\"reset\":true}").send(), 400, "vault is unsealed");
    }

    @Test
    void unseal_onUnsealedNode_returnsStatus200() {
        Init init = init(1, 1);
        unseal(init.hex().get(0));

        VaultHttp.Result r = unseal(init.hex().get(0));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("sealed").asBoolean()).isFalse();
    }
}
