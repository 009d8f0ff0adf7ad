package io.coffer.cli.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgpKeyFilesTest {
    @TempDir Path dir;

    private PgpKeyFiles files() {
        return new PgpKeyFiles(dir::resolve);
    }

    @Test
    void read_binaryKey_isBase64Encoded() throws IOException {
        byte[] binary = {(byte) 0x99, 0x01, (byte) 0xa2, 0x04, 0x00};
        Files.write(dir.resolve("k.gpg"), binary);

        assertThat(files().read("k.gpg")).isEqualTo(Base64.getEncoder().encodeToString(binary));
    }

    @Test
    void read_base64Key_isKeptWithoutLineBreaks() throws IOException {
        Files.writeString(dir.resolve("k.b64"), "mQEN\nBA==\n");

        assertThat(files().read("k.b64")).isEqualTo("mQENBA==");
    }

    @Test
    void read_armoredKey_isDearmoredWithoutHeadersOrChecksum() throws IOException {
        Files.writeString(dir.resolve("k.asc"), "-----BEGIN PGP PUBLIC KEY BLOCK-----\r\nVersion: x\r\n\r\n"
                + "mQEN\r\nBA==\r\n=Ab1c\r\n-----END PGP PUBLIC KEY BLOCK-----\r\n");

        assertThat(files().read("@k.asc")).isEqualTo("mQENBA==");
    }

    @Test
    void readList_commaSeparated_keepsOrder() throws IOException {
        Files.writeString(dir.resolve("a"), "YQ==");
        Files.writeString(dir.resolve("b"), "Yg==");

        assertThat(files().readList("b,a")).containsExactly("Yg==", "YQ==");
    }

    @Test
    void read_missingOrEmptyOrKeybase_isRefused() throws IOException {
        Files.write(dir.resolve("empty"), new byte[0]);

        assertThatThrownBy(() -> files().read("missing")).hasMessage("open missing: no such file or directory");
        assertThatThrownBy(() -> files().read("empty")).hasMessageContaining("is empty");
        assertThatThrownBy(() -> files().read("keybase:alice")).hasMessageContaining("keybase");
    }

    @Test
    void isStdBase64_unpaddedOrBinary_isFalse() {
        assertThat(PgpKeyFiles.isStdBase64("YQ==")).isTrue();
        assertThat(PgpKeyFiles.isStdBase64("YQ")).isFalse();
        assertThat(PgpKeyFiles.isStdBase64(new String(new byte[] {1, 2, 3, 4}, StandardCharsets.ISO_8859_1)))
                .isFalse();
    }
}
