package io.coffer.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Vault's {@code x_forwarded_for_*} rules, value by value. */
class ForwardedForTest {
    private static final String PROXY = "10.0.0.5";
    private final ForwardedFor strict = new ForwardedFor(List.of("10.0.0.0/24"), 0, true, true);

    @Test
    void disabled_ignoresTheHeader() {
        assertThat(ForwardedFor.DISABLED.clientAddress(List.of("1.2.3.4"), PROXY)).isEqualTo(PROXY);
    }

    @Test
    void trustedProxy_theLastAddressIsTheClient_hopSkipsWalkBack() {
        assertThat(strict.clientAddress(List.of("1.2.3.4"), PROXY)).isEqualTo("1.2.3.4");
        assertThat(strict.clientAddress(List.of("9.9.9.9, 1.2.3.4"), PROXY)).isEqualTo("1.2.3.4");
        assertThat(strict.clientAddress(List.of("9.9.9.9", "8.8.8.8 ,1.2.3.4"), PROXY)).isEqualTo("1.2.3.4");
        ForwardedFor skipOne = new ForwardedFor(List.of("10.0.0.0/24"), 1, true, true);
        assertThat(skipOne.clientAddress(List.of("9.9.9.9, 1.2.3.4"), PROXY)).isEqualTo("9.9.9.9");
        assertThatThrownBy(() -> skipOne.clientAddress(List.of("1.2.3.4"), PROXY))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("hops to skip (1) would skip before earliest chain link");
    }

    @Test
    void missingHeader_refusedOrPassedAsConfigured() {
        assertThatThrownBy(() -> strict.clientAddress(List.of(), PROXY))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("missing x-forwarded-for header and configured to reject when not present");
        assertThat(new ForwardedFor(List.of("10.0.0.0/24"), 0, true, false).clientAddress(List.of(), PROXY))
                .isEqualTo(PROXY);
    }

    @Test
    void untrustedConnection_refusedOrItsOwnAddressAsConfigured() {
        assertThatThrownBy(() -> strict.clientAddress(List.of("1.2.3.4"), "192.168.0.1"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("client address not authorized for x-forwarded-for and configured to reject connection");
        assertThat(new ForwardedFor(List.of("10.0.0.0/24"), 0, false, true).clientAddress(List.of("1.2.3.4"), "192.168.0.1"))
                .isEqualTo("192.168.0.1");
    }

    @Test
    void badSettings_areRefused() {
        assertThatThrownBy(() -> new ForwardedFor(List.of("nonsense"), 0, true, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ForwardedFor(List.of("10.0.0.0/8"), -1, true, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
