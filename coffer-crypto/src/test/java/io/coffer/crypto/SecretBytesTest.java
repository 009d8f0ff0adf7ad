package io.coffer.crypto;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBytesTest {

    @Test
    void close_wrappedArray_isZeroed() {
        byte[] owned = {1, 2, 3, 4, 5};
        SecretBytes secret = SecretBytes.wrap(owned);
        secret.close();
        assertThat(owned).containsOnly(0);
        assertThat(secret.isDestroyed()).isTrue();
    }

    @Test
    void close_calledTwice_isHarmless() {
        SecretBytes secret = SecretBytes.copyOf(new byte[] {7});
        secret.close();
        secret.close();
        assertThat(secret.isDestroyed()).isTrue();
    }

    @Test
    void accessors_afterClose_throw() {
        SecretBytes secret = SecretBytes.copyOf(new byte[] {1, 2});
        SecretBytes other = SecretBytes.copyOf(new byte[] {1, 2});
        secret.close();
        assertThatThrownBy(secret::length).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(secret::copy).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> secret.equalsConstantTime(other)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void equalsConstantTime_againstDestroyedSecret_throws() {
        SecretBytes zeros = SecretBytes.copyOf(new byte[2]);
        SecretBytes destroyed = SecretBytes.copyOf(new byte[] {1, 2});
        destroyed.close();
        assertThatThrownBy(() -> zeros.equalsConstantTime(destroyed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void copyOf_callerArrayChangedLater_secretUnaffected() {
        byte[] source = {1, 2, 3};
        SecretBytes secret = SecretBytes.copyOf(source);
        source[0] = 9;
        assertThat(secret.copy()).containsExactly(1, 2, 3);
    }

    @Test
    void copy_modifiedByCaller_secretUnaffected() {
        SecretBytes secret = SecretBytes.copyOf(new byte[] {1, 2, 3});
        byte[] copy = secret.copy();
        copy[0] = 9;
        assertThat(secret.copy()).containsExactly(1, 2, 3);
    }

    @Test
    void toString_anySecret_showsOnlyLength() {
        SecretBytes secret = SecretBytes.copyOf(new byte[] {0x41, 0x42, 0x43, 0x7a});
        assertThat(secret.toString())
                .isEqualTo("SecretBytes[4 bytes]")
                .doesNotContain("ABCz")
                .doesNotContain("41")
                .doesNotContain("65");
        secret.close();
        assertThat(secret.toString()).isEqualTo("SecretBytes[4 bytes]");
    }

    @Test
    void equalsConstantTime_sameContent_isTrue() {
        assertThat(SecretBytes.copyOf(new byte[] {1, 2, 3}).equalsConstantTime(SecretBytes.copyOf(new byte[] {1, 2, 3})))
                .isTrue();
    }

    @Test
    void equalsConstantTime_differentContentOrLength_isFalse() {
        SecretBytes a = SecretBytes.copyOf(new byte[] {1, 2, 3});
        assertThat(a.equalsConstantTime(SecretBytes.copyOf(new byte[] {1, 2, 4}))).isFalse();
        assertThat(a.equalsConstantTime(SecretBytes.copyOf(new byte[] {1, 2}))).isFalse();
        assertThat(a.equalsConstantTime(SecretBytes.copyOf(new byte[] {1, 2, 3, 0}))).isFalse();
    }

    @Test
    void equals_twoSecretsWithSameContent_isIdentityOnly() {
        SecretBytes a = SecretBytes.copyOf(new byte[] {1});
        SecretBytes b = SecretBytes.copyOf(new byte[] {1});
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void random_requestedLength_givesFreshBytes() {
        SecureRandom random = new SecureRandom();
        SecretBytes a = SecretBytes.random(random, 32);
        SecretBytes b = SecretBytes.random(random, 32);
        assertThat(a.length()).isEqualTo(32);
        assertThat(a.equalsConstantTime(b)).isFalse();
    }
}
