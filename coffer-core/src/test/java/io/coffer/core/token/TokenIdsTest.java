package io.coffer.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TokenIdsTest {
    private final TokenIds ids = new TokenIds(new SecureRandom());

    @Test
    void tokensAndAccessors_haveVaultsShape_andDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String token = ids.newServiceToken();
            assertThat(token).matches("hvs\\.[0-9A-Za-z]{24}");
            assertThat(ids.newAccessor()).matches("[0-9A-Za-z]{24}");
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void everyBase62Character_isAboutEquallyLikely() {
        int[] counts = new int[128];
        int total = 0;
        for (int i = 0; i < 20_000; i++) {
            for (char c : ids.newAccessor().toCharArray()) {
                counts[c]++;
                total++;
            }
        }
        double expected = total / 62.0;
        double chiSquare = 0;
        for (char c : "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray()) {
            double d = counts[c] - expected;
            chiSquare += d * d / expected;
        }
        // 61 degrees of freedom: p = 1e-6 lies near 125; a modulo bias (no rejection) gives > 2,000
        assertThat(chiSquare).isLessThan(125);
    }
}
