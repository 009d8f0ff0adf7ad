package io.coffer.builtin.auth.userpass;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserpassBcryptHasherTest {
    private final BcryptHasher hasher = new BcryptHasher(4, new SecureRandom());

    @Test
    void hash_thenVerify_acceptsOnlyTheSamePassword() {
        String hash = hasher.hash(bytes("correct horse"));

        assertThat(hash).startsWith("$2b$04$").hasSize(60);
        assertThat(hasher.verify(bytes("correct horse"), hash)).isTrue();
        assertThat(hasher.verify(bytes("correct horsf"), hash)).isFalse();
        assertThat(hasher.verify(bytes(""), hash)).isFalse();
    }

    @Test
    void hash_samePasswordTwice_usesDifferentSalts() {
        assertThat(hasher.hash(bytes("pw"))).isNotEqualTo(hasher.hash(bytes("pw")));
    }

    @Test
    void hash_unicodePassword_roundTrips() {
        String hash = hasher.hash(bytes("pässwörd-密码"));

        assertThat(hasher.verify(bytes("pässwörd-密码"), hash)).isTrue();
        assertThat(hasher.verify(bytes("passwort-密码"), hash)).isFalse();
    }

    @Test
    void verify_malformedHash_isAMismatch() {
        assertThat(hasher.verify(bytes("pw"), "not a bcrypt string")).isFalse();
        assertThat(hasher.verify(bytes("pw"), "")).isFalse();
    }

    @Test
    void verify_hashOfAnotherCost_stillWorks() {
        String cost5 = new BcryptHasher(5, new SecureRandom()).hash(bytes("pw"));

        assertThat(hasher.verify(bytes("pw"), cost5)).isTrue();
    }

    @Test
    void verify_passwordLongerThan72Bytes_neverMatches() {
        byte[] p72 = bytes("a".repeat(72));
        String hash = hasher.hash(p72);

        assertThat(hasher.verify(p72, hash)).isTrue();
        assertThat(hasher.verify(bytes("a".repeat(73)), hash)).isFalse();
        assertThatThrownBy(() -> hasher.hash(bytes("a".repeat(73)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dummyHash_isStableAndOfTheSameCostAndMatchesNothingGuessable() {
        String dummy = hasher.dummyHash();

        assertThat(hasher.dummyHash()).isSameAs(dummy);
        assertThat(dummy).startsWith("$2b$04$");
        assertThat(hasher.verify(bytes(""), dummy)).isFalse();
        assertThat(hasher.verify(bytes("dummy"), dummy)).isFalse();
    }

    @Test
    void constructor_costOutOfRange_isRefused() {
        assertThatThrownBy(() -> new BcryptHasher(3, new SecureRandom())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BcryptHasher(32, new SecureRandom())).isInstanceOf(IllegalArgumentException.class);
        assertThat(new BcryptHasher(31, new SecureRandom()).cost()).isEqualTo(31);
    }

    @Test
    void toString_showsOnlyTheCost() {
        assertThat(hasher).hasToString("BcryptHasher[cost=4]");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
