package io.coffer.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.testing.SteppingClock;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ForwardedClientsTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final String PATH = "/v1/secret/data/app?version=2";
    private final SteppingClock clock = new SteppingClock();
    private final ForwardedClients standby = new ForwardedClients(() -> Optional.of(KEY.clone()), clock);
    private final ForwardedClients active = new ForwardedClients(() -> Optional.of(KEY.clone()), clock);

    private String vouch(String address) {
        return standby.vouch(address, "GET", PATH).orElseThrow();
    }

    @Test
    void aVouchedAddress_isBelievedForThatRequest_withinTheSkew() {
        String header = vouch("10.1.2.3");
        assertThat(active.verified(header, "GET", PATH)).contains("10.1.2.3");
        clock.advanceSeconds(ForwardedClients.MAX_SKEW_SECONDS);
        assertThat(active.verified(header, "GET", PATH)).contains("10.1.2.3");
        assertThat(active.verified(vouch("::1"), "GET", PATH)).contains("::1");
    }

    @Test
    void jettyStyleIpv6Addresses_areVouchedForAsPlainLiterals() {
        assertThat(active.verified(vouch("[0:0:0:0:0:0:0:1]"), "GET", PATH)).contains("0:0:0:0:0:0:0:1");
        assertThat(active.verified(vouch("[fe80:0:0:0:0:0:0:1%1]"), "GET", PATH)).contains("fe80:0:0:0:0:0:0:1");
        assertThat(ForwardedClients.plainAddress("10.0.0.1")).isEqualTo("10.0.0.1");
    }

    @Test
    void aHeaderCannotBeMovedToAnotherRequest() {
        String header = vouch("10.1.2.3");
        assertThat(active.verified(header, "PUT", PATH)).isEmpty();
        assertThat(active.verified(header, "GET", "/v1/secret/data/other")).isEmpty();
    }

    @Test
    void stale_forged_alteredOrMalformedHeaders_areNotBelieved() {
        String header = vouch("10.1.2.3");
        String[] parts = header.split(";");
        ForwardedClients otherCluster = new ForwardedClients(() -> Optional.of(new byte[32]), clock);
        for (String bad : new String[] {
                parts[0].replace("3", "4") + ";" + parts[1] + ";" + parts[2],
                parts[0] + ";" + (Long.parseLong(parts[1]) + 1) + ";" + parts[2],
                parts[0] + ";" + parts[1] + ";" + parts[2].substring(1),
                otherCluster.vouch("10.1.2.3", "GET", PATH).orElseThrow(),
                "10.1.2.3", "10.1.2.3;x;y", ";;", "a b;1;c", "10.1.2.3;1;" + "A".repeat(300)}) {
            assertThat(active.verified(bad, "GET", PATH)).as(bad).isEmpty();
        }
        assertThat(active.verified(null, "GET", PATH)).isEmpty();
        clock.advanceSeconds(ForwardedClients.MAX_SKEW_SECONDS + 1);
        assertThat(active.verified(header, "GET", PATH)).isEmpty();
    }

    @Test
    void withoutAKey_nothingIsVouchedOrBelieved() {
        ForwardedClients sealed = new ForwardedClients(Optional::empty, clock);
        assertThat(sealed.vouch("10.1.2.3", "GET", PATH)).isEmpty();
        assertThat(sealed.verified(vouch("10.1.2.3"), "GET", PATH)).isEmpty();
        assertThat(standby.vouch("not an address", "GET", PATH)).isEmpty();
    }
}
