package io.coffer.cli.input;

import java.io.IOException;

/**
 * Asks the user for a secret (an unseal key share) and reads it without echo where the terminal
 * allows it; implementations never write the value anywhere.
 *
 * <p>The caller owns the returned characters and should zero them once used.
 */
public interface SecretPrompt {
    /**
     * Shows {@code prompt} and reads one line.
     *
     * @return the line without its line terminator, or null at end of input
     * @throws IOException when the input cannot be read
     */
    char[] read(String prompt) throws IOException;
}
