package io.coffer.it.http;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.coffer.it.http.HttpAsserts.assertError;
import static io.coffer.it.http.HttpAsserts.kvData;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the edge finds the caller's token ({@code X-Vault-Token} first, else
 * {@code Authorization: Bearer}) and how it refuses missing, bad and insufficient tokens
 * (403 with {@code permission denied}, never 401).
 */
class HttpTokenHeaderTest {
    private static final String PATH = "secret/data/tokens/app";
    private static final String INVALID =
            "2 errors occurred:\n\t* permission denied\n\t* invalid token\n\n";
    private static final String DENIED = "1 error occurred:\n\t* permission denied\n\n";

    @RegisterExtension
    static final DevServerExtension SERVER = new DevServerExtension();

    private static VaultHttp http;
    private static String root;

    @BeforeAll
    static void seed() {
        http = SERVER.http();
        root = SERVER.rootToken();
        assertThat(http.put(PATH, "{\"data\":{\"user\":\"app\"}}").token(root).send().status()).isEqualTo(200);
    }

    @Test
    void read_withoutToken_returns403PermissionDeniedInvalidToken() {
        VaultHttp.Result r = http.get(PATH).send();

        assertError(r, 403, INVALID);
    }

    @Test
    void write_withoutToken_returns403AndDoesNotWrite() {
        VaultHttp.Result r = http.put(PATH, "{\"data\":{\"user\":\"intruder\"}}").send();

        assertError(r, 403, INVALID);
        assertThat(kvData(http.get(PATH).token(root).send()).path("user").asText()).isEqualTo("app");
    }

    @Test
    void read_withUnknownToken_returns403PermissionDeniedInvalidToken() {
        VaultHttp.Result r = http.get(PATH).token("hvs.not-a-real-token").send();

        assertError(r, 403, INVALID);
    }

    @Test
    void read_withEmptyTokenHeader_returns403() {
        VaultHttp.Result r = http.get(PATH).header("X-Vault-Token", "").send();

        assertError(r, 403, INVALID);
    }

    @Test
    void read_withBearerToken_isAuthorised() {
        VaultHttp.Result r = http.get(PATH).header("Authorization", "Bearer " + root).send();

        assertThat(kvData(r).path("user").asText()).isEqualTo("app");
    }

    @Test
    void read_withNonBearerAuthorization_isIgnoredAndRefused() {
        VaultHttp.Result r = http.get(PATH).header("Authorization", "Basic " + root).send();

        assertError(r, 403, INVALID);
    }

    @Test
    void read_vaultTokenHeaderBadAndBearerGood_vaultTokenWinsAndIsRefused() {
        VaultHttp.Result r = http.get(PATH).token("hvs.bogus").header("Authorization", "Bearer " + root).send();

        assertError(r, 403, INVALID);
    }

    @Test
    void read_vaultTokenHeaderGoodAndBearerBad_vaultTokenWinsAndIsAuthorised() {
        VaultHttp.Result r = http.get(PATH).token(root).header("Authorization", "Bearer hvs.bogus").send();

        assertThat(kvData(r).path("user").asText()).isEqualTo("app");
    }

    @Test
    void read_tokenWithoutPolicyForPath_returns403PermissionDenied() {
        String limited = createToken("{\"policies\":[\"default\"],\"ttl\":\"10m\"}");

        VaultHttp.Result r = http.get(PATH).token(limited).send();

        assertError(r, 403, DENIED);
    }

    @Test
    void lookupSelf_withDefaultPolicyToken_isAllowed() {
        String limited = createToken("{\"policies\":[\"default\"],\"ttl\":\"10m\",\"display_name\":\"edge\"}");

        VaultHttp.Result r = http.get("auth/token/lookup-self").token(limited).send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("data").path("policies").get(0).asText()).isEqualTo("default");
        assertThat(r.json().path("data").path("display_name").asText()).isEqualTo("token-edge");
        assertThat(r.json().path("data").path("ttl").asLong()).isBetween(1L, 600L);
    }

    @Test
    void read_revokedToken_returns403InvalidToken() {
        String token = createToken("{\"policies\":[\"default\"]}");
        assertThat(http.post("auth/token/revoke-self", "{}").token(token).send().status()).isEqualTo(204);

        VaultHttp.Result r = http.get("auth/token/lookup-self").token(token).send();

        assertError(r, 403, INVALID);
    }

    @Test
    void sysHealth_withBadToken_isStillServed() {
        VaultHttp.Result r = http.get("sys/health").token("hvs.bogus").send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("sealed").asBoolean()).isFalse();
    }

    private static String createToken(String body) {
        VaultHttp.Result r = http.post("auth/token/create", body).token(root).send();
        assertThat(r.status()).isEqualTo(200);
        return r.json().path("auth").path("client_token").asText();
    }
}
