package io.coffer.cli.command.secrets;

import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.MountConfigFlags;
import java.util.ArrayList;
import java.util.List;

/**
 * The flags shared by {@code secrets enable} and {@code secrets tune}: the {@link
 * MountConfigFlags} in the wording for secrets engines.
 */
final class MountFlags {
    private MountFlags() {}

    static List<FlagSpec> tuning() {
        List<FlagSpec> l = new ArrayList<>();
        l.add(
                MountConfigFlags.defaultLeaseTtl(
                        "The default lease TTL for this secrets engine. If unspecified, this defaults to"
                                + " the server's globally configured default lease TTL."));
        l.add(
                MountConfigFlags.maxLeaseTtl(
                        "The maximum lease TTL for this secrets engine. If unspecified, this defaults to"
                                + " the server's globally configured maximum lease TTL."));
        l.add(MountConfigFlags.description("Human-friendly description for the purpose of this engine."));
        l.addAll(
                MountConfigFlags.optionsAndVersion(
                        "Select the version of the engine to run. Not supported by all engines."));
        l.addAll(MountConfigFlags.configLists());
        return List.copyOf(l);
    }
}
