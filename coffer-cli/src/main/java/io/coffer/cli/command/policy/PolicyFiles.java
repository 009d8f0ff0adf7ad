package io.coffer.cli.command.policy;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

/** Error text for local policy files, in Go's style ({@code open X: no such file or directory}). */
final class PolicyFiles {
    private PolicyFiles() {}

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException n) {
            return "open " + n.getFile() + ": no such file or directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
