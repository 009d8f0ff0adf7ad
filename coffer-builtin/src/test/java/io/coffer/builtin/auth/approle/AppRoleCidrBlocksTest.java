package io.coffer.builtin.auth.approle;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AppRoleCidrBlocksTest {

    @Test
    void isSubset_examples() {
        assertThat(CidrBlocks.isSubset(List.of("10.1.0.0/16"), List.of("10.0.0.0/8"))).isTrue();
        assertThat(CidrBlocks.isSubset(List.of("10.1.2.3"), List.of("10.0.0.0/8"))).isTrue();
        assertThat(CidrBlocks.isSubset(List.of("10.1.2.3/32"), List.of("10.1.2.3"))).isTrue();
        assertThat(CidrBlocks.isSubset(List.of("10.0.0.0/8"), List.of("10.1.0.0/16"))).isFalse();
        assertThat(CidrBlocks.isSubset(List.of("10.0.0.0/8", "11.0.0.0/8"), List.of("10.0.0.0/8"))).isFalse();
        assertThat(CidrBlocks.isSubset(List.of("0.0.0.0/0"), List.of("10.0.0.0/8"))).isFalse();
        assertThat(CidrBlocks.isSubset(List.of("2001:db8::/48"), List.of("2001:db8::/32"))).isTrue();
        assertThat(CidrBlocks.isSubset(List.of("2001:db8::/32"), List.of("2001:db8::/48"))).isFalse();
        assertThat(CidrBlocks.isSubset(List.of("10.0.0.0/8"), List.of("::/0"))).isFalse();
        assertThat(CidrBlocks.isSubset(List.of("anything"), List.of())).isTrue();
        assertThat(CidrBlocks.isSubset(List.of(), List.of("10.0.0.0/8"))).isTrue();
    }

    @Test
    void allValid_examples() {
        assertThat(CidrBlocks.allValid(List.of("10.0.0.0/8", "::1", "192.168.1.1/32"))).isTrue();
        assertThat(CidrBlocks.allValid(List.of("10.0.0.0/8", "10.0.0.0/33"))).isFalse();
        assertThat(CidrBlocks.allValid(List.of("localhost"))).isFalse();
    }

    @Property
    void aBlockIsASubsetOfAShorterPrefixOfItsOwnAddress(@ForAll @IntRange(min = 0, max = 255) int a,
                                                        @ForAll @IntRange(min = 0, max = 255) int b,
                                                        @ForAll @IntRange(min = 0, max = 32) int outer,
                                                        @ForAll @IntRange(min = 0, max = 32) int inner) {
        String address = a + "." + b + ".7.9";
        boolean subset = CidrBlocks.isSubset(List.of(address + "/" + inner), List.of(address + "/" + outer));

        assertThat(subset).isEqualTo(inner >= outer);
    }
}
