package io.coffer.cli.command.raft;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * Local file helpers of the Raft commands: vault's {@code parseFlagFile} ({@code @file} flag
 * values) and Go-style texts for local I/O errors ({@code open x: no such file or directory}).
 */
final class LocalFiles {
    private LocalFiles() {}

    /**
     * vault's {@code parseFlagFile}: a value starting with {@code @} is replaced by the content of
     * the named file ({@code resolve} maps the name to a path); any other value is returned as given.
     *
     * @throws IOException with {@code error reading file: ...} when the file cannot be read
     */
    static String flagFile(String raw, Function<String, Path> resolve) throws IOException {
        if (raw.isEmpty() || raw.charAt(0) != '@') {
            return raw;
        }
        String name = raw.substring(1);
        try {
            return new String(Files.readAllBytes(resolve.apply(name)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("error reading file: " + describe(e, name), e);
        }
    }

    /** Go's text for a failed operation on {@code name}: {@code open <name>: <reason>}. */
    static String describe(IOException e, String name) {
        if (e instanceof NoSuchFileException) {
            return "open " + name + ": no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "open " + name + ": permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return "open " + name + ": " + f.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
