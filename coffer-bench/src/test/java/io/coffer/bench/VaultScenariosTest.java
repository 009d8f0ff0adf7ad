package io.coffer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VaultScenariosTest {
    private static final HttpEndpoint ENDPOINT = new HttpEndpoint("127.0.0.1", 8200, "127.0.0.1:8200");

    private final VaultScenarios scenarios =
            new VaultScenarios(ENDPOINT, "s.tok", "team/kv", 3, 40, new SplittableRandom(7));

    @Test
    void scenario_health_isOneGetOfSysHealthWithToken() {
        Scenario s = scenarios.scenario(VaultScenarios.HEALTH);

        assertThat(s.requests()).hasSize(1);
        assertThat(s.requests().get(0).toString()).isEqualTo("GET /v1/sys/health");
        assertThat(new String(s.requests().get(0).head(), StandardCharsets.ISO_8859_1)).contains("X-Vault-Token: s.tok\r\n");
    }

    @Test
    void scenario_kvRead_getsEachKeyOfTheMount() {
        Scenario s = scenarios.scenario(VaultScenarios.KV_READ);

        assertThat(s.requests()).extracting(EncodedRequest::toString).containsExactly(
                "GET /v1/team/kv/data/bench/key-0", "GET /v1/team/kv/data/bench/key-1", "GET /v1/team/kv/data/bench/key-2");
    }

    @Test
    void scenario_kvWrite_putsDataEnvelopeWithValueOfRequestedSize() {
        Scenario s = scenarios.scenario(VaultScenarios.KV_WRITE);

        assertThat(s.requests()).extracting(EncodedRequest::toString).containsExactly(
                "PUT /v1/team/kv/data/bench/key-0", "PUT /v1/team/kv/data/bench/key-1", "PUT /v1/team/kv/data/bench/key-2");
        String body = new String(s.requests().get(1).body(), StandardCharsets.US_ASCII);
        assertThat(body).matches("\\{\"data\":\\{\"value\":\"[!#-\\[\\]-~]{40}\"}}");
        assertThat(scenarios.seedRequests()).extracting(EncodedRequest::toString)
                .containsExactlyElementsOf(s.requests().stream().map(EncodedRequest::toString).toList());
    }

    @Test
    void printable_anyLength_hasNoCharacterNeedingJsonEscape() {
        String value = VaultScenarios.printable(10_000, new SplittableRandom(1));

        assertThat(value).hasSize(10_000).doesNotContain("\"", "\\", " ");
        assertThat(value.chars()).allMatch(c -> c > ' ' && c < 0x7f);
    }

    @Test
    void loginNames_areKnownButBuiltOnlyAfterSetup() {
        assertThat(VaultScenarios.isKnown("approle-login")).isTrue();
        assertThat(VaultScenarios.isKnown("userpass-login")).isTrue();
        assertThat(VaultScenarios.isLogin("approle-login")).isTrue();
        assertThat(VaultScenarios.isLogin("kv-read")).isFalse();
        assertThatThrownBy(() -> scenarios.scenario("userpass-login"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set-up");
    }

    @Test
    void scenario_unknownName_isRejected() {
        assertThat(VaultScenarios.isKnown("kv-read")).isTrue();
        assertThat(VaultScenarios.isKnown("kv-delete")).isFalse();
        assertThatThrownBy(() -> scenarios.scenario("kv-delete")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scenario_noToken_sendsNoTokenHeader() {
        VaultScenarios anonymous = new VaultScenarios(ENDPOINT, null, "secret", 1, 1, new SplittableRandom(1));

        String head = new String(anonymous.scenario("health").requests().get(0).head(), StandardCharsets.ISO_8859_1);

        assertThat(head).doesNotContain("X-Vault-Token");
    }
}
