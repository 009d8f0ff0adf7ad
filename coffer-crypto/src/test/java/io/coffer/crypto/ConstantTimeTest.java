package io.coffer.crypto;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ConstantTimeTest {

    @Test
    void equals_sameBytes_isTrue() {
        assertThat(ConstantTime.equals(new byte[] {1, 2, 3}, new byte[] {1, 2, 3})).isTrue();
        assertThat(ConstantTime.equals(new byte[0], new byte[0])).isTrue();
    }

    @Test
    void equals_differentBytes_isFalse() {
        assertThat(ConstantTime.equals(new byte[] {1, 2, 3}, new byte[] {1, 2, 4})).isFalse();
        assertThat(ConstantTime.equals(new byte[] {9, 2, 3}, new byte[] {1, 2, 3})).isFalse();
    }

    @Test
    void equals_prefixOrLongerArray_isFalse() {
        assertThat(ConstantTime.equals(new byte[] {1, 2}, new byte[] {1, 2, 3})).isFalse();
        assertThat(ConstantTime.equals(new byte[] {1, 2, 3}, new byte[] {1, 2})).isFalse();
        assertThat(ConstantTime.equals(new byte[] {1}, new byte[0])).isFalse();
        assertThat(ConstantTime.equals(new byte[0], new byte[] {1})).isFalse();
    }

    @Test
    void equals_nullBytes_isAlwaysFalse() {
        assertThat(ConstantTime.equals((byte[]) null, (byte[]) null)).isFalse();
        assertThat(ConstantTime.equals(null, new byte[0])).isFalse();
        assertThat(ConstantTime.equals(new byte[0], null)).isFalse();
    }

    @Test
    void equals_sameStrings_isTrue() {
        assertThat(ConstantTime.equals("hvs.CAESIabc", new String("hvs.CAESIabc".toCharArray()))).isTrue();
        assertThat(ConstantTime.equals("", "")).isTrue();
        assertThat(ConstantTime.equals("clé-€", "clé-€")).isTrue();
    }

    @Test
    void equals_differentStrings_isFalse() {
        assertThat(ConstantTime.equals("hvs.abc", "hvs.abd")).isFalse();
        assertThat(ConstantTime.equals("hvs.abc", "hvs.ab")).isFalse();
        assertThat(ConstantTime.equals("e\u0301", "\u00e9")).as("no Unicode normalisation").isFalse();
    }

    @Test
    void equals_nullStrings_isAlwaysFalse() {
        assertThat(ConstantTime.equals((String) null, (String) null)).isFalse();
        assertThat(ConstantTime.equals(null, "")).isFalse();
        assertThat(ConstantTime.equals("", null)).isFalse();
    }

    @Property
    void equals_anyByteArrays_agreesWithArraysEquals(@ForAll byte[] a, @ForAll byte[] b) {
        assertThat(ConstantTime.equals(a, b)).isEqualTo(Arrays.equals(a, b));
        assertThat(ConstantTime.equals(a, a.clone())).isTrue();
    }

    @Property
    void equals_anyStrings_agreesWithStringEquals(@ForAll String a, @ForAll String b) {
        assertThat(ConstantTime.equals(a, b)).isEqualTo(a.equals(b));
        assertThat(ConstantTime.equals(a, new String(a.toCharArray()))).isTrue();
    }
}
