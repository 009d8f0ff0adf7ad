package io.coffer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncodedRequestTest {
    private static final HttpEndpoint ENDPOINT = new HttpEndpoint("127.0.0.1", 8200, "127.0.0.1:8200");

    @Test
    void get_withToken_encodesRequestLineAndHeaders() {
        EncodedRequest r = EncodedRequest.get(ENDPOINT, "/v1/sys/health", Map.of("X-Vault-Token", "s.abc"));

        assertThat(new String(r.head(), StandardCharsets.ISO_8859_1)).isEqualTo(
                "GET /v1/sys/health HTTP/1.1\r\nHost: 127.0.0.1:8200\r\nUser-Agent: coffer-bench\r\n"
                        + "X-Vault-Token: s.abc\r\n\r\n");
        assertThat(r.body()).isEmpty();
        assertThat(r.toString()).isEqualTo("GET /v1/sys/health").doesNotContain("s.abc");
    }

    @Test
    void put_withBody_declaresContentTypeAndLength() {
        byte[] body = "{\"data\":{}}".getBytes(StandardCharsets.US_ASCII);

        EncodedRequest r = EncodedRequest.put(ENDPOINT, "/v1/secret/data/x", Map.of(), "application/json", body);

        assertThat(new String(r.head(), StandardCharsets.ISO_8859_1)).endsWith(
                "Content-Type: application/json\r\nContent-Length: 11\r\n\r\n");
        assertThat(r.body()).isSameAs(body);
        assertThat(r.length()).isEqualTo(r.head().length + 11);
    }

    @Test
    void post_withBody_encodesPostWithContentLength() {
        byte[] body = "{\"password\":\"pw\"}".getBytes(StandardCharsets.US_ASCII);

        EncodedRequest r = EncodedRequest.post(ENDPOINT, "/v1/auth/userpass/login/u", Map.of(), "application/json", body);

        assertThat(new String(r.head(), StandardCharsets.ISO_8859_1)).startsWith("POST /v1/auth/userpass/login/u HTTP/1.1\r\n")
                .endsWith("Content-Type: application/json\r\nContent-Length: 17\r\n\r\n");
        assertThat(r.toString()).isEqualTo("POST /v1/auth/userpass/login/u");
    }

    @Test
    void get_headerValueWithLineBreak_isRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> EncodedRequest.get(ENDPOINT, "/", Map.of("X-Vault-Token", "s.abc\r\nX: y")))
                .isInstanceOf(IllegalArgumentException.class)
                .message().contains("X-Vault-Token").doesNotContain("s.abc");
    }

    @Test
    void get_targetWithSpace_isRejected() {
        assertThatThrownBy(() -> EncodedRequest.get(ENDPOINT, "/a b", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
