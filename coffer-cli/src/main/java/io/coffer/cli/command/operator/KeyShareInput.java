package io.coffer.cli.command.operator;

import io.coffer.cli.command.Invocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Obtains one unseal key share for {@code operator unseal} and {@code operator rekey}: from the
 * argument, from all of standard input when the argument is {@code -}, or from the hidden prompt
 * "Unseal Key (will be hidden): " when there is no argument. The share is trimmed and returned;
 * it is never printed.
 */
final class KeyShareInput {
    static final String PROMPT = "Unseal Key (will be hidden): ";

    private KeyShareInput() {}

    /** True when the argument asks for standard input. */
    static boolean isStdin(String arg) {
        return arg.equals("-");
    }

    /** Reads all of standard input and trims it. */
    static String fromStdin(Invocation inv) throws IOException {
        byte[] raw = inv.stdin().readAllBytes();
        try {
            return new String(raw, StandardCharsets.UTF_8).strip();
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /**
     * Prompts without echo (a terminal) or reads one line of standard input.
     *
     * @return the trimmed share, {@code ""} at end of input
     */
    static String prompt(Invocation inv) throws IOException {
        char[] chars = inv.context().prompt().read(PROMPT);
        if (chars == null) {
            return "";
        }
        try {
            return new String(chars).strip();
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
