package io.coffer.cli.command.kv;

import io.coffer.cli.command.ChangeStep;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.output.Durations;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code coffer kv metadata put KEY}: sets a KV version 2 key's settings; only the flags given
 * are sent ({@code max_versions}, {@code cas_required}, {@code delete_version_after}, {@code
 * custom_metadata}).
 */
public final class KvMetadataPutCommand extends KvCommand {
    /** Creates the command. */
    public KvMetadataPutCommand() {
        super(
                "kv metadata put",
                "Sets or updates key settings in the KV store",
                """
                Usage: coffer kv metadata put [options] KEY

                  This command can be used to create a blank key in the key-value store or to
                  update key configuration for a specified key.

                  Create a key in the key-value store with no data:

                      $ coffer kv metadata put -mount=secret foo

                  Set a max versions setting on the key:

                      $ coffer kv metadata put -mount=secret -max-versions=5 foo

                  Set delete-version-after on the key:

                      $ coffer kv metadata put -mount=secret -delete-version-after=3h25m19s foo

                  Require Check-and-Set for this key:

                      $ coffer kv metadata put -mount=secret -cas-required foo

                  Set custom metadata on the key:

                      $ coffer kv metadata put -mount=secret -custom-metadata=foo=abc -custom-metadata=bar=123 foo

                """
                        + KvHelp.MORE,
                StandardFlags.plus(
                        StandardFlags.httpAndFormat(),
                        FlagSpec.of(
                                StandardFlags.COMMON,
                                "cas-required",
                                FlagType.BOOL,
                                Boolean.FALSE,
                                "If true the key will require the cas parameter to be set on all write"
                                        + " requests. If false, the backend's configuration will be used."),
                        FlagSpec.of(
                                StandardFlags.COMMON,
                                "custom-metadata",
                                FlagType.STRING_MAP,
                                null,
                                "Specifies arbitrary version-agnostic key=value metadata meant to describe a"
                                        + " secret. This can be specified multiple times to add multiple pieces of"
                                        + " metadata."),
                        FlagSpec.of(
                                StandardFlags.COMMON,
                                "delete-version-after",
                                FlagType.DURATION,
                                null,
                                "Specifies the length of time before a version is deleted. If not set, the"
                                        + " backend's configured delete-version-after is used. Cannot be greater"
                                        + " than the backend's delete-version-after. The delete-version-after is"
                                        + " specified as a numeric string with a suffix like \"30s\" or"
                                        + " \"3h25m19s\"."),
                        FlagSpec.of(
                                StandardFlags.COMMON,
                                "max-versions",
                                FlagType.INT,
                                -1L,
                                "The number of versions to keep. If not set, the backend's configured max"
                                        + " version is used."),
                        KvLocator.mountFlag()));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        String fullPath = metadataPath(inv);
        Map<String, Object> data = new LinkedHashMap<>();
        long maxVersions = inv.flags().longValue("max-versions");
        if (maxVersions >= 0) {
            data.put("max_versions", maxVersions);
        }
        if (inv.flags().isSet("cas-required")) {
            data.put("cas_required", inv.flags().bool("cas-required"));
        }
        if (inv.flags().isSet("delete-version-after")) {
            data.put("delete_version_after", Durations.format(inv.flags().duration("delete-version-after")));
        }
        if (!inv.flags().map("custom-metadata").isEmpty()) {
            data.put("custom_metadata", inv.flags().map("custom-metadata"));
        }
        return ChangeStep.write(inv, fullPath).run(c -> c.write(fullPath, data));
    }
}
