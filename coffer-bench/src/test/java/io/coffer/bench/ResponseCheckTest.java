package io.coffer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.bench.ResponseCheck.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResponseCheckTest {
    /** Coffer's answer to an AppRole login, as captured from a dev server. */
    private static final String COFFER_LOGIN = "{\"request_id\":\"8dfc23ca\",\"lease_id\":\"\",\"renewable\":false,"
            + "\"lease_duration\":0,\"data\":null,\"wrap_info\":null,\"warnings\":null,\"auth\":{\"client_token\":"
            + "\"hvs.uxHbn4SaEtQoKgCA6AwJ6dta\",\"accessor\":\"7vCakbnIBi6m9ZyDFAnZ7XBj\",\"policies\":[\"default\"],"
            + "\"metadata\":{\"role_name\":\"bench\"},\"lease_duration\":2764800,\"renewable\":true,"
            + "\"token_type\":\"service\",\"orphan\":true,\"num_uses\":0},\"mount_type\":\"approle\"}";

    private static Verdict login(int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return ResponseCheck.LOGIN.verdict(status, bytes, bytes.length);
    }

    @Test
    void login_cofferAnswerWithClientToken_isSuccess() {
        assertThat(login(200, COFFER_LOGIN)).isEqualTo(Verdict.SUCCESS);
    }

    @Test
    void login_prettyPrintedAnswer_isSuccess() {
        assertThat(login(200, "{\n  \"auth\" : {\n    \"client_token\" :  \"s.abc\"\n  }\n}")).isEqualTo(Verdict.SUCCESS);
    }

    @Test
    void login_answersWithoutAToken_areBadBody() {
        assertThat(login(200, "{\"data\":{\"client_token\":\"x\"},\"auth\":null}")).isEqualTo(Verdict.BAD_BODY);
        assertThat(login(200, "{\"auth\":{\"client_token\":\"\"}}")).isEqualTo(Verdict.BAD_BODY);
        assertThat(login(200, "{\"auth\":{\"accessor\":\"a\"}}")).isEqualTo(Verdict.BAD_BODY);
        assertThat(login(200, "{\"auth\":{\"client_token\":null}}")).isEqualTo(Verdict.BAD_BODY);
        assertThat(login(200, "{\"auth\":{\"client_token\":\"")).isEqualTo(Verdict.BAD_BODY);
        assertThat(login(200, "")).isEqualTo(Verdict.BAD_BODY);
    }

    @Test
    void login_statusOtherThan200_isWrongStatusWhateverTheBody() {
        assertThat(login(204, "")).isEqualTo(Verdict.WRONG_STATUS);
        assertThat(login(201, COFFER_LOGIN)).isEqualTo(Verdict.WRONG_STATUS);
        assertThat(login(400, "{\"errors\":[\"invalid role or secret ID\"]}")).isEqualTo(Verdict.WRONG_STATUS);
    }

    @Test
    void login_onlyTheValidPrefixOfTheBufferCounts() {
        byte[] buffer = Arrays.copyOf(COFFER_LOGIN.getBytes(StandardCharsets.UTF_8), 4096);
        int cut = COFFER_LOGIN.indexOf("\"client_token\"");

        assertThat(ResponseCheck.LOGIN.verdict(200, buffer, COFFER_LOGIN.length())).isEqualTo(Verdict.SUCCESS);
        assertThat(ResponseCheck.LOGIN.verdict(200, buffer, cut + 5)).isEqualTo(Verdict.BAD_BODY);
    }

    @Test
    void any2xx_ignoresTheBody() {
        byte[] none = new byte[0];

        assertThat(ResponseCheck.ANY_2XX.verdict(204, none, 0)).isEqualTo(Verdict.SUCCESS);
        assertThat(ResponseCheck.ANY_2XX.verdict(299, none, 0)).isEqualTo(Verdict.SUCCESS);
        assertThat(ResponseCheck.ANY_2XX.verdict(199, none, 0)).isEqualTo(Verdict.WRONG_STATUS);
        assertThat(ResponseCheck.ANY_2XX.verdict(503, none, 0)).isEqualTo(Verdict.WRONG_STATUS);
    }
}
