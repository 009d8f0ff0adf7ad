package io.coffer.cli.input;

import io.coffer.cli.output.Ui;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A {@link SecretPrompt} for when there is no terminal: prints the prompt to standard output and
 * reads one line from the given input stream, byte by byte so that nothing after the line is
 * consumed. The value read is never written back (there is no echo to turn off).
 */
public final class StreamSecretPrompt implements SecretPrompt {
    private final InputStream in;
    private final Ui ui;
    private final boolean toStderr;

    /** Creates the prompt over an input stream, printing prompts to standard output. */
    public StreamSecretPrompt(InputStream in, Ui ui) {
        this(in, ui, false);
    }

    /**
     * Creates the prompt over an input stream; with {@code toStderr} the prompt and the newline
     * after the answer go to standard error (vault's password prompts), keeping stdout for results.
     */
    public StreamSecretPrompt(InputStream in, Ui ui, boolean toStderr) {
        this.in = in;
        this.ui = ui;
        this.toStderr = toStderr;
    }

    private void show(String s) {
        if (toStderr) {
            ui.printError(s);
        } else {
            ui.print(s);
        }
    }

    @Override
    public char[] read(String prompt) throws IOException {
        show(prompt);
        byte[] buf = new byte[128];
        int n = 0;
        boolean any = false;
        try {
            int b;
            while ((b = in.read()) != -1) {
                any = true;
                if (b == '\n') {
                    break;
                }
                if (n == buf.length) {
                    byte[] bigger = Arrays.copyOf(buf, n * 2);
                    Arrays.fill(buf, (byte) 0);
                    buf = bigger;
                }
                buf[n++] = (byte) b;
            }
            show("\n");
            if (!any) {
                return null;
            }
            if (n > 0 && buf[n - 1] == '\r') {
                n--;
            }
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(buf, 0, n));
            char[] out = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
            Arrays.fill(chars.array(), '\0');
            return out;
        } finally {
            Arrays.fill(buf, (byte) 0);
        }
    }
}
