package io.coffer.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextWrapTest {
    @Test
    void wrap_vaultLoginMessage_breaksWhereVaultDoes() {
        String msg =
                "Success! You are now authenticated. The token information displayed below is already"
                        + " stored in the token helper. You do NOT need to run \"vault login\" again. Future"
                        + " Vault requests will automatically use this token.";
        assertThat(TextWrap.wrap(msg))
                .isEqualTo(
                        "Success! You are now authenticated. The token information displayed below\n"
                                + "is already stored in the token helper. You do NOT need to run \"vault login\"\n"
                                + "again. Future Vault requests will automatically use this token.");
    }

    @Test
    void wrapWithPadding_indentsEveryLine() {
        String out = TextWrap.wrapWithPadding("* " + "word ".repeat(30).strip(), 2);
        for (String line : out.split("\n")) {
            assertThat(line).startsWith("  ");
            assertThat(line.length()).isLessThanOrEqualTo(TextWrap.MAX_LINE_LENGTH);
        }
    }

    @Test
    void wrap_longWord_staysWhole() {
        String word = "x".repeat(100);
        assertThat(TextWrap.wrap("a " + word + " b")).contains(word);
    }
}
