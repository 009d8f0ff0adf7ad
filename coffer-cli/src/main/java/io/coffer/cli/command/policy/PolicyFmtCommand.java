package io.coffer.cli.command.policy;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.command.policy.hcl.HclNode;
import io.coffer.cli.command.policy.hcl.HclParser;
import io.coffer.cli.command.policy.hcl.HclPrinter;
import io.coffer.cli.command.policy.hcl.HclSyntaxException;
import io.coffer.cli.command.policy.hcl.PolicyException;
import io.coffer.cli.command.policy.hcl.PolicyValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code coffer policy fmt FILE}: validates a local HCL policy and rewrites the file in canonical
 * layout, without contacting the server.
 */
public final class PolicyFmtCommand extends BaseCommand {
    /** Creates the command. */
    public PolicyFmtCommand() {
        super(
                "policy fmt",
                "Formats a policy on disk",
                """
                Usage: coffer policy fmt [options] PATH

                  Formats a local policy file to the policy specification. This command will
                  overwrite the file at the given PATH with the properly-formatted policy
                  file contents.

                  Format the local file "my-policy.hcl" as a policy file:

                      $ coffer policy fmt my-policy.hcl
                """,
                List.of());
    }

    @Override
    public int run(Invocation inv) throws UsageException {
        inv.expectArgs(1, 1);
        String arg = inv.args().get(0).strip();
        if (arg.startsWith("~/")) {
            arg = inv.context().env().home().resolve(arg.substring(2)).toString();
        }
        Path path = inv.file(arg);
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            inv.ui().error("Error reading source file: " + PolicyFiles.describe(e));
            return ExitCodes.USAGE;
        }
        if (text.stripLeading().startsWith("{")) {
            inv.ui().error("failed to parse policy: JSON policies cannot be formatted; use HCL");
            return ExitCodes.USAGE;
        }
        String formatted;
        try {
            HclNode.Body body = HclParser.parse(text);
            PolicyValidator.validate(body);
            formatted = HclPrinter.format(body);
        } catch (HclSyntaxException e) {
            inv.ui().error("failed to parse policy: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (PolicyException e) {
            inv.ui().error(e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            Files.writeString(path, formatted, StandardCharsets.UTF_8);
        } catch (IOException e) {
            inv.ui().error("Error writing result: " + PolicyFiles.describe(e));
            return ExitCodes.USAGE;
        }
        inv.ui().output("Success! Formatted policy: " + path);
        return ExitCodes.OK;
    }
}
