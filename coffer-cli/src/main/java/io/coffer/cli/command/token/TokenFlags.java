package io.coffer.cli.command.token;

import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.StandardFlags;

/**
 * The flag declarations the token commands share, in the {@code Command Options} section: {@code
 * -accessor}, and duration flags, whose help ends with how a duration is written.
 */
final class TokenFlags {
    private TokenFlags() {}

    /** The {@code -accessor} flag; {@code note} is appended to its help. */
    static FlagSpec accessor(String note) {
        return FlagSpec.of(
                StandardFlags.COMMAND,
                "accessor",
                FlagType.BOOL,
                Boolean.FALSE,
                "Treat the argument as an accessor instead of a token." + note);
    }

    /** A duration flag without default; {@code usage} is followed by the duration syntax. */
    static FlagSpec duration(String name, String usage) {
        return FlagSpec.of(
                StandardFlags.COMMAND,
                name,
                FlagType.DURATION,
                null,
                usage + " This is specified as a numeric string with suffix like \"30s\" or \"5m\".");
    }
}
