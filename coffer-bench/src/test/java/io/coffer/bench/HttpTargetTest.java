package io.coffer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HttpTargetTest {

    @Test
    void parse_addressWithPort_splitsEndpointAndDefaultsPath() {
        HttpTarget t = HttpTarget.parse("http://127.0.0.1:8200");

        assertThat(t.endpoint()).isEqualTo(new HttpEndpoint("127.0.0.1", 8200, "127.0.0.1:8200"));
        assertThat(t.pathAndQuery()).isEqualTo("/");
    }

    @Test
    void parse_urlWithPathAndQuery_keepsThemRaw() {
        HttpTarget t = HttpTarget.parse("http://example.test/a%20b/c?x=1&y=2");

        assertThat(t.endpoint()).isEqualTo(new HttpEndpoint("example.test", 80, "example.test"));
        assertThat(t.pathAndQuery()).isEqualTo("/a%20b/c?x=1&y=2");
    }

    @Test
    void parse_ipv6Literal_stripsBracketsForSocketOnly() {
        HttpTarget t = HttpTarget.parse("http://[::1]:8080/x");

        assertThat(t.endpoint().host()).isEqualTo("::1");
        assertThat(t.endpoint().hostHeader()).isEqualTo("[::1]:8080");
    }

    @Test
    void parse_httpsOrOtherSchemes_areRejectedWithoutEchoingTheUrl() {
        assertThatThrownBy(() -> HttpTarget.parse("https://vault.test:8200"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HTTPS is not supported");
        assertThatThrownBy(() -> HttpTarget.parse("ftp://x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpTarget.parse("http://user:secret@host/"))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("secret");
        assertThatThrownBy(() -> HttpTarget.parse("http:///nohost")).isInstanceOf(IllegalArgumentException.class);
    }
}
