package io.coffer.crypto.shamir;

import io.coffer.crypto.SecretBytes;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShamirTest {
    private final Shamir shamir = new Shamir(new SecureRandom());

    private static SecretBytes secretOf(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return SecretBytes.wrap(b);
    }

    private static byte[] share(int... bytes) {
        return secretOf(bytes).copy();
    }

    // --- known answers, Vault's layout: y-bytes then x --------------------------------------

    @Test
    void combine_handMadeLinearShares_returnsConstantTerm() {
        // f(x) = 0x42 + 0x01·x  →  f(1) = 0x43, f(2) = 0x42 ^ 0x02 = 0x40
        try (SecretBytes secret = shamir.combine(List.of(share(0x43, 0x01), share(0x40, 0x02)))) {
            assertThat(secret.copy()).containsExactly(0x42);
        }
    }

    @Test
    void combine_handMadeQuadraticShares_returnsConstantTermPerByte() {
        // byte 0: f(x) = 0x07 + 0x00·x + 0x01·x²; byte 1: g(x) = 0xff + 0x03·x + 0x00·x²
        // x=1: f=0x06, g=0xfc; x=2: f=0x07^0x04=0x03, g=0xff^0x06=0xf9; x=3: f=0x07^0x05=0x02, g=0xff^0x05=0xfa
        List<byte[]> shares = List.of(share(0x06, 0xfc, 1), share(0x03, 0xf9, 2), share(0x02, 0xfa, 3));
        try (SecretBytes secret = shamir.combine(shares)) {
            assertThat(secret.copy()).containsExactly(0x07, 0xff);
        }
    }

    @Test
    void split_fiveSharesThresholdThree_anyThreeRebuildTheSecret() {
        try (SecretBytes key = SecretBytes.random(new SecureRandom(), 32)) {
            List<byte[]> shares = shamir.split(key, 5, 3);
            for (int a = 0; a < 5; a++) {
                for (int b = a + 1; b < 5; b++) {
                    for (int c = b + 1; c < 5; c++) {
                        try (SecretBytes combined = shamir.combine(List.of(shares.get(c), shares.get(a), shares.get(b)))) {
                            assertThat(combined.equalsConstantTime(key)).as("shares %d,%d,%d", a, b, c).isTrue();
                        }
                    }
                }
            }
        }
    }

    @Test
    void split_sameSecretTwice_givesDifferentShares() {
        try (SecretBytes key = SecretBytes.random(new SecureRandom(), 32)) {
            List<byte[]> first = shamir.split(key, 3, 2);
            List<byte[]> second = shamir.split(key, 3, 2);
            assertThat(first).zipSatisfy(second, (x, y) -> assertThat(x).isNotEqualTo(y));
        }
    }

    @Test
    void split_anySecret_leavesTheSecretUsableAndUnchanged() {
        byte[] original = {1, 2, 3, 4};
        SecretBytes secret = SecretBytes.copyOf(original);
        shamir.split(secret, 3, 2);
        assertThat(secret.isDestroyed()).isFalse();
        assertThat(secret.copy()).isEqualTo(original);
    }

    @Test
    void combine_givenShares_doesNotModifyThem() {
        List<byte[]> shares = shamir.split(secretOf(9, 8, 7), 4, 2);
        List<byte[]> before = shares.stream().map(byte[]::clone).toList();
        shamir.combine(shares).close();
        assertThat(shares).zipSatisfy(before, (now, then) -> assertThat(now).isEqualTo(then));
    }

    // --- split argument checks ---------------------------------------------------------------

    @Test
    void split_oneShare_isRefused() {
        assertThatThrownBy(() -> shamir.split(secretOf(1), 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shares must be between 2 and 255, got 1");
    }

    @Test
    void split_moreThan255Shares_isRefused() {
        assertThatThrownBy(() -> shamir.split(secretOf(1), 256, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shares must be between 2 and 255, got 256");
    }

    @Test
    void split_thresholdOne_isRefused() {
        assertThatThrownBy(() -> shamir.split(secretOf(1), 5, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threshold must be between 2 and shares (5), got 1");
    }

    @Test
    void split_thresholdAboveShares_isRefused() {
        assertThatThrownBy(() -> shamir.split(secretOf(1), 3, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threshold must be between 2 and shares (3), got 4");
    }

    @Test
    void split_emptySecret_isRefused() {
        assertThatThrownBy(() -> shamir.split(SecretBytes.wrap(new byte[0]), 3, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot split an empty secret");
    }

    @Test
    void split_destroyedSecret_isRefused() {
        SecretBytes secret = secretOf(1, 2);
        secret.close();
        assertThatThrownBy(() -> shamir.split(secret, 3, 2)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void split_thresholdEqualsShares_isAccepted() {
        assertThat(shamir.split(secretOf(5), 255, 255)).hasSize(255);
        assertThat(shamir.split(secretOf(5), 2, 2)).hasSize(2);
    }

    // --- combine refusals --------------------------------------------------------------------

    @Test
    void combine_emptyList_isRefused() {
        assertThatThrownBy(() -> shamir.combine(List.of()))
                .isInstanceOf(ShamirException.class)
                .hasMessage("at least 2 shares are needed to combine, got 0");
    }

    @Test
    void combine_nullList_isRefused() {
        assertThatThrownBy(() -> shamir.combine(null))
                .isInstanceOf(ShamirException.class)
                .hasMessage("at least 2 shares are needed to combine, got 0");
    }

    @Test
    void combine_oneShare_isRefused() {
        assertThatThrownBy(() -> shamir.combine(List.of(share(0x43, 0x01))))
                .isInstanceOf(ShamirException.class)
                .hasMessage("at least 2 shares are needed to combine, got 1");
    }

    @Test
    void combine_shareShorterThanTwoBytes_isRefused() {
        assertThatThrownBy(() -> shamir.combine(List.of(share(0x43, 0x01), share(0x02))))
                .isInstanceOf(ShamirException.class)
                .hasMessage("share 2 is shorter than 2 bytes");
    }

    @Test
    void combine_nullShare_isRefused() {
        List<byte[]> shares = new ArrayList<>();
        shares.add(share(0x43, 0x01));
        shares.add(null);
        assertThatThrownBy(() -> shamir.combine(shares))
                .isInstanceOf(ShamirException.class)
                .hasMessage("share 2 is missing");
    }

    @Test
    void combine_sharesOfDifferentLengths_isRefused() {
        assertThatThrownBy(() -> shamir.combine(List.of(share(0x43, 0x01), share(0x40, 0x41, 0x02))))
                .isInstanceOf(ShamirException.class)
                .hasMessage("all shares must have the same length");
    }

    @Test
    void combine_xCoordinateZero_isRefused() {
        assertThatThrownBy(() -> shamir.combine(List.of(share(0x43, 0x01), share(0x42, 0x00))))
                .isInstanceOf(ShamirException.class)
                .hasMessage("share 2 has x-coordinate 0");
    }

    @Test
    void combine_duplicateXCoordinates_isRefused() {
        assertThatThrownBy(() -> shamir.combine(List.of(share(0x11, 0x07), share(0x22, 0x09), share(0x33, 0x07))))
                .isInstanceOf(ShamirException.class)
                .hasMessage("shares 1 and 3 have the same x-coordinate");
    }

    @Test
    void combine_sameShareTwice_isRefused() {
        byte[] s = share(0x5a, 0x10);
        assertThatThrownBy(() -> shamir.combine(List.of(s, s)))
                .isInstanceOf(ShamirException.class)
                .hasMessage("shares 1 and 2 have the same x-coordinate");
    }

    @Test
    void combine_refusal_neverNamesShareBytes() {
        byte[] a = share(0xde, 0xad, 0xbe, 0xef, 0x05);
        byte[] b = share(0xca, 0xfe, 0xba, 0xbe, 0x05);
        assertThatThrownBy(() -> shamir.combine(List.of(a, b)))
                .isInstanceOf(ShamirException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContainIgnoringCase(HexFormat.of().formatHex(Arrays.copyOf(a, 4)))
                        .doesNotContainIgnoringCase(HexFormat.of().formatHex(Arrays.copyOf(b, 4)))
                        .doesNotContain(Arrays.toString(a)));
    }

    @Test
    void constructor_nullRandom_isRefused() {
        assertThatThrownBy(() -> new Shamir(null)).isInstanceOf(NullPointerException.class);
    }
}
