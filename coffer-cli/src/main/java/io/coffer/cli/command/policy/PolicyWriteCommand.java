package io.coffer.cli.command.policy;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;

/** {@code coffer policy write NAME FILE|-}: uploads a policy to {@code sys/policies/acl/NAME}. */
public final class PolicyWriteCommand extends BaseCommand {
    /** Creates the command. */
    public PolicyWriteCommand() {
        super(
                "policy write",
                "Uploads a named policy from a file",
                """
                Usage: coffer policy write [options] NAME PATH

                  Uploads a policy with name NAME from the contents of a local file PATH or
                  stdin. If PATH is "-", the policy is read from stdin. Otherwise, it is
                  loaded from the file at the given path on the local disk.

                  Upload a policy named "my-policy" from "/tmp/policy.hcl" on the local disk:

                      $ coffer policy write my-policy /tmp/policy.hcl

                  Upload a policy from stdin:

                      $ cat my-policy.hcl | coffer policy write my-policy -
                """,
                StandardFlags.http());
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(2, 2);
        String name = inv.args().get(0).strip().toLowerCase(Locale.ROOT);
        String path = inv.args().get(1).strip();
        String rules = readRules(inv, path);
        Map<String, Object> body = Map.of("policy", rules);
        Requests.send(inv, "Error uploading policy: ", c -> c.write("sys/policies/acl/" + name, body));
        inv.ui().output("Success! Uploaded policy: " + name);
        return ExitCodes.OK;
    }

    /** The policy text from the file {@code path}, or from standard input for {@code -}. */
    private static String readRules(Invocation inv, String path) throws ExitException {
        try {
            if (path.equals("-")) {
                return new String(inv.stdin().readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(inv.file(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw inv.fail(ExitCodes.USAGE, "Error opening policy file: " + PolicyFiles.describe(e));
        }
    }
}
