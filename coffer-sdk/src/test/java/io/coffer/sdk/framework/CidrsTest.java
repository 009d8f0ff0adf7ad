package io.coffer.sdk.framework;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CidrsTest {
    @ParameterizedTest
    @CsvSource({
            "10.0.0.0/8, 10.1.2.3, true",
            "10.0.0.0/8, 11.0.0.1, false",
            "192.168.1.0/24, 192.168.1.255, true",
            "192.168.1.0/25, 192.168.1.128, false",
            "127.0.0.1, 127.0.0.1, true",
            "127.0.0.1, 127.0.0.2, false",
            "0.0.0.0/0, 8.8.8.8, true",
            "::1/128, ::1, true",
            "2001:db8::/32, 2001:db8:1::5, true",
            "2001:db8::/32, 10.0.0.1, false",
            "10.0.0.0/8, not-an-ip, false",
            "10.0.0.0/8, '', false"
    })
    void allows_matchesPrefixes(String cidr, String address, boolean expected) {
        assertThat(Cidrs.allows(List.of(cidr), address)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0/33", "300.0.0.1/8", "10.0.0.0/x", "example.com/8", "''", "1.2.3/24", "::1/129"})
    void isValid_refusesMalformedBlocksWithoutResolvingNames(String cidr) {
        assertThat(Cidrs.isValid(cidr)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0/8", "127.0.0.1", "::/0", "fe80::1/64"})
    void isValid_acceptsBlocks(String cidr) {
        assertThat(Cidrs.isValid(cidr)).isTrue();
    }

    @org.junit.jupiter.api.Test
    void allows_emptyList_allowsEverything() {
        assertThat(Cidrs.allows(List.of(), "203.0.113.9")).isTrue();
    }
}
