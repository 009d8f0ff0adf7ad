package io.coffer.cli.output;

import java.io.PrintStream;

/**
 * The CLI's two output streams, with vault's split: results on standard output, errors and
 * warnings on standard error.
 *
 * <p>Every message is written as one string followed by {@code \n}; {@link #raw(String)} omits the
 * newline when standard output is not a terminal, as vault does for {@code -field} so that
 * {@code $(coffer kv get -field=x ...)} captures the bare value.
 */
public final class Ui {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    /** Creates a UI over the given streams; {@code terminal} says whether stdout is a terminal. */
    public Ui(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    /** Writes a result line to standard output. */
    public void output(String s) {
        out.print(s + "\n");
        out.flush();
    }

    /** Writes an informational line to standard output (vault's {@code UI.Info}). */
    public void info(String s) {
        output(s);
    }

    /** Writes a warning line to standard error. */
    public void warn(String s) {
        err.print(s + "\n");
        err.flush();
    }

    /** Writes an error line to standard error. */
    public void error(String s) {
        err.print(s + "\n");
        err.flush();
    }

    /** Writes a bare value: with a newline on a terminal, without one when piped. */
    public void raw(String s) {
        out.print(terminal ? s + "\n" : s);
        out.flush();
    }

    /** Writes text to standard error exactly as given (prompts that keep stdout clean). */
    public void printError(String s) {
        err.print(s);
        err.flush();
    }

    /** Writes text to standard output exactly as given. */
    public void print(String s) {
        out.print(s);
        out.flush();
    }
}
