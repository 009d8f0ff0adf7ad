package io.coffer.cli.command.operator;

import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.input.PgpKeyFiles;
import java.io.IOException;
import java.util.List;

/**
 * Reads the PGP key files named by a flag ({@code -pgp-keys}, {@code -root-token-pgp-key}, ...)
 * into the base64 keys the API takes; an unreadable file is a usage error worded as Go's flag
 * package words it ({@code invalid value "F" for flag -pgp-keys: ...}).
 */
final class PgpFlags {
    private PgpFlags() {}

    /** The keys of a comma-separated list flag, or null when the flag is not set. */
    static List<String> list(Invocation inv, String flag) throws UsageException {
        String v = inv.flags().string(flag);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return new PgpKeyFiles(inv::file).readList(v);
        } catch (IOException e) {
            throw invalid(flag, v, e);
        }
    }

    /** The key of a single-file flag, or {@code ""} when the flag is not set. */
    static String single(Invocation inv, String flag) throws UsageException {
        String v = inv.flags().string(flag);
        if (v.isEmpty()) {
            return "";
        }
        try {
            return new PgpKeyFiles(inv::file).read(v);
        } catch (IOException e) {
            throw invalid(flag, v, e);
        }
    }

    private static UsageException invalid(String flag, String value, IOException e) {
        return new UsageException(
                "invalid value \"" + value + "\" for flag -" + flag + ": " + e.getMessage());
    }
}
