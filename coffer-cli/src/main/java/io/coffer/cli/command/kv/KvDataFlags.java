package io.coffer.cli.command.kv;

import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.StandardFlags;
import java.util.List;

/**
 * The flag set of the kv commands that write secret data ({@code put}, {@code patch}): the HTTP
 * and output flags, {@code -cas} and {@code -mount}, followed by a command's own flags.
 */
final class KvDataFlags {
    private KvDataFlags() {}

    /**
     * Returns the flags.
     *
     * @param casDefault the default of {@code -cas}
     * @param casUnset the sentence of {@code -cas}'s help on what happens when it is not set
     * @param operation what the check guards, as the help names it ("write", "patch")
     * @param own the command's other flags
     */
    static List<FlagSpec> of(long casDefault, String casUnset, String operation, FlagSpec... own) {
        FlagSpec cas = FlagSpec.of(
                StandardFlags.COMMON,
                "cas",
                FlagType.INT,
                casDefault,
                "Specifies to use a Check-And-Set operation. " + casUnset + " If the index is"
                        + " non-zero the " + operation + " will only be allowed if the key's current"
                        + " version matches the version specified in the cas parameter.");
        List<FlagSpec> flags =
                StandardFlags.plus(StandardFlags.httpFieldAndFormat(), cas, KvLocator.mountFlag());
        flags.addAll(List.of(own));
        return flags;
    }
}
