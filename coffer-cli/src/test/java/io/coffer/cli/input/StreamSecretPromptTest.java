package io.coffer.cli.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.output.Ui;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamSecretPromptTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Ui ui = new Ui(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);

    @Test
    void read_line_returnsItWithoutTerminatorAndLeavesTheRest() throws IOException {
        InputStream in = new ByteArrayInputStream("s3cr\u00e9t\r\nnext\n".getBytes(StandardCharsets.UTF_8));
        StreamSecretPrompt prompt = new StreamSecretPrompt(in, ui);

        assertThat(new String(prompt.read("Key: "))).isEqualTo("s3cr\u00e9t");
        assertThat(new String(prompt.read("Key: "))).isEqualTo("next");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Key: \nKey: \n");
    }

    @Test
    void read_endOfInput_returnsNull() throws IOException {
        StreamSecretPrompt prompt = new StreamSecretPrompt(InputStream.nullInputStream(), ui);

        assertThat(prompt.read("Key: ")).isNull();
    }

    @Test
    void read_longLine_growsBuffer() throws IOException {
        String longLine = "x".repeat(1000);
        StreamSecretPrompt prompt = new StreamSecretPrompt(
                new ByteArrayInputStream(longLine.getBytes(StandardCharsets.UTF_8)), ui);

        assertThat(new String(prompt.read(""))).isEqualTo(longLine);
    }
}
