package io.coffer.cli.input;

import java.io.Console;

/**
 * A {@link SecretPrompt} on the process's terminal: {@link Console#readPassword(String,
 * Object...)} shows the prompt on the terminal and turns echo off while the line is typed.
 */
public final class ConsoleSecretPrompt implements SecretPrompt {
    private final Console console;

    /** Creates the prompt for a terminal (from {@link System#console()}). */
    public ConsoleSecretPrompt(Console console) {
        this.console = console;
    }

    @Override
    public char[] read(String prompt) {
        return console.readPassword("%s", prompt);
    }
}
