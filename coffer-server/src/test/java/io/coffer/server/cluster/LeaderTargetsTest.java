package io.coffer.server.cluster;

import io.coffer.core.ha.LeaderTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeaderTargetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1:8200", "ftp://10.0.0.1:8200", "https://", "https://h:8200?x=1", "http://u:p@h:8200", "not a url"})
    void validate_addressNotAnHttpUrl_namesLeaderApiAddr(String address) {
        assertThatThrownBy(() -> LeaderTargets.validate(new LeaderTarget(address, "", "", "", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leader_api_addr must be an http or https URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1:8200", "https://vault.example:8200/", "https://[::1]:8200"})
    void validate_httpOrHttpsUrl_accepted(String address) {
        assertThatCode(() -> LeaderTargets.validate(new LeaderTarget(address, "", "", "", ""))).doesNotThrowAnyException();
    }

    @Test
    void validate_caThatIsNotPem_namesField() {
        assertThatThrownBy(() -> LeaderTargets.validate(new LeaderTarget("https://h:1", "hello", "", "", "")))
                .hasMessage("leader_ca_cert holds no PEM certificate");
    }

    @Test
    void validate_clientCertAndKeyParse_accepted() throws Exception {
        TestPki pki = new TestPki("ca");
        TestPki.Issued client = pki.issue("node");

        assertThatCode(() -> LeaderTargets.validate(new LeaderTarget("https://h:1", pki.caPem(), client.certPem(), client.keyPem(), "h")))
                .doesNotThrowAnyException();
    }

    @Test
    void validate_keyThatIsACertificate_namesKeyField() throws Exception {
        TestPki pki = new TestPki("ca");
        TestPki.Issued client = pki.issue("node");

        assertThatThrownBy(() -> LeaderTargets.validate(new LeaderTarget("https://h:1", "", client.certPem(), client.certPem(), "")))
                .hasMessageContaining("leader_client_key");
    }
}
