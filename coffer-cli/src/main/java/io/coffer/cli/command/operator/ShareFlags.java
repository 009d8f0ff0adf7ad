package io.coffer.cli.command.operator;

import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.StandardFlags;
import java.util.List;

/**
 * The {@code -key-shares} ({@code -n}) and {@code -key-threshold} ({@code -t}) flags that {@code
 * operator init} and {@code operator rekey} share, with vault's defaults of 5 shares and 3.
 */
final class ShareFlags {
    private ShareFlags() {}

    /** Both flags, in the {@code Common Options} section. */
    static List<FlagSpec> keySharesAndThreshold() {
        String s = StandardFlags.COMMON;
        return List.of(
                FlagSpec.of(s, "key-shares", FlagType.INT, OperatorInitCommand.DEFAULT_KEY_SHARES,
                        "Number of key shares to split the generated root key into. This is the number"
                                + " of \"unseal keys\" to generate.").withAliases("n"),
                FlagSpec.of(s, "key-threshold", FlagType.INT, OperatorInitCommand.DEFAULT_KEY_THRESHOLD,
                        "Number of key shares required to reconstruct the root key. This must be less"
                                + " than or equal to -key-shares.").withAliases("t"));
    }
}
