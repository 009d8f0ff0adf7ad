package io.coffer.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.testing.SteppingClock;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ForwardedClientsTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private final SteppingClock clock = new SteppingClock();
    private final ForwardedClients standby = new ForwardedClients(() -> Optional.of(KEY.clone()), clock);
    private final ForwardedClients active = new ForwardedClients(() -> Optional.of(KEY.clone()), clock);

    @Test
    void aVouchedAddress_isBelieved_withinTheSkew() {
        String header = standby.vouch("10.1.2.3").orElseThrow();
        assertThat(active.clientAddress(header, "127.0.0.1")).isEqualTo("10.1.2.3");
        clock.advanceSeconds(ForwardedClients.MAX_SKEW_SECONDS);
        assertThat(active.clientAddress(header, "127.0.0.1")).isEqualTo("10.1.2.3");
        assertThat(active.clientAddress(standby.vouch("::1").orElseThrow(), "127.0.0.1")).isEqualTo("::1");
    }

    @Test
    void stale_forged_alteredOrMalformedHeaders_fallBackToTheConnection() {
        String header = standby.vouch("10.1.2.3").orElseThrow();
        String[] parts = header.split(";");
        ForwardedClients otherCluster = new ForwardedClients(() -> Optional.of(new byte[32]), clock);
        for (String bad : new String[] {
                parts[0].replace("3", "4") + ";" + parts[1] + ";" + parts[2],
                parts[0] + ";" + (Long.parseLong(parts[1]) + 1) + ";" + parts[2],
                parts[0] + ";" + parts[1] + ";" + parts[2].substring(1),
                otherCluster.vouch("10.1.2.3").orElseThrow(),
                "10.1.2.3", "10.1.2.3;x;y", ";;", "a b;1;c", "10.1.2.3;1;" + "A".repeat(300)}) {
            assertThat(active.clientAddress(bad, "127.0.0.1")).as(bad).isEqualTo("127.0.0.1");
        }
        assertThat(active.clientAddress(null, "127.0.0.1")).isEqualTo("127.0.0.1");
        clock.advanceSeconds(ForwardedClients.MAX_SKEW_SECONDS + 1);
        assertThat(active.clientAddress(header, "127.0.0.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void withoutAKey_nothingIsVouchedOrBelieved() {
        ForwardedClients sealed = new ForwardedClients(Optional::empty, clock);
        assertThat(sealed.vouch("10.1.2.3")).isEmpty();
        assertThat(sealed.clientAddress(standby.vouch("10.1.2.3").orElseThrow(), "127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(standby.vouch("not an address")).isEmpty();
    }
}
