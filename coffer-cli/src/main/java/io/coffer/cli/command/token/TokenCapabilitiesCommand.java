package io.coffer.cli.command.token;

import io.coffer.cli.api.Secret;
import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.json.GoJson;
import io.coffer.cli.output.OutputFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code coffer token capabilities [TOKEN] PATH}: prints the capabilities a token has on a path
 * ({@code read, update}), via {@code sys/capabilities-self}, {@code sys/capabilities} or
 * {@code sys/capabilities-accessor}.
 */
public final class TokenCapabilitiesCommand extends BaseCommand {
    /** Creates the command. */
    public TokenCapabilitiesCommand() {
        super(
                "token capabilities",
                "Print capabilities of a token on a path",
                """
                Usage: coffer token capabilities [options] [TOKEN | ACCESSOR] PATH

                  Fetches the capabilities of a token or accessor for a given path. If a TOKEN
                  is provided as an argument, the "/sys/capabilities" endpoint and permission
                  is used. If an ACCESSOR is provided, the "/sys/capabilities-accessor" endpoint
                  and permission is used with the -accessor flag. If no TOKEN or ACCESSOR is
                  provided, the "/sys/capabilities-self" endpoint and permission is used with
                  the locally authenticated token.

                  List capabilities for the local token on the "secret/foo" path:

                      $ coffer token capabilities secret/foo

                  List capabilities for a token on the "cubbyhole/foo" path:

                      $ coffer token capabilities 96ddf4bc-d217-f3ba-f9bd-017055595017 cubbyhole/foo

                  List capabilities for a token on the "cubbyhole/foo" path via its accessor:

                      $ coffer token capabilities -accessor 9793c9b3-e04a-46f3-e7b8-748d7da248da cubbyhole/foo
                """,
                StandardFlags.plus(StandardFlags.httpAndFormat(), TokenFlags.accessor("")));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(1, 2);
        boolean accessor = inv.flags().bool("accessor");
        String token = inv.args().size() == 2 ? inv.args().get(0) : "";
        String path = inv.args().get(inv.args().size() - 1);
        if (accessor && token.isEmpty()) {
            throw new UsageException("Not enough arguments with -accessor (expected 2, got 1)");
        }
        TokenTarget target = TokenTarget.of("sys/capabilities", token, accessor);
        target.body().put("paths", List.of(path));
        Secret secret = Requests.send(
                inv, "Error listing capabilities: ", c -> c.post(target.path(), target.body()));
        if (secret == null || secret.data() == null) {
            inv.ui().error("Error listing capabilities: data from server response is empty");
            return ExitCodes.API;
        }
        List<String> caps = new ArrayList<>();
        Object forPath = secret.data().get(path);
        if (!(forPath instanceof List<?> l) || l.isEmpty()) {
            forPath = secret.data().get("capabilities");
        }
        if (forPath instanceof List<?> l) {
            caps.addAll(Secret.strings(l));
        }
        if (caps.isEmpty()) {
            inv.ui().error("No capabilities found");
            return ExitCodes.USAGE;
        }
        if (inv.format() == OutputFormat.TABLE) {
            caps.sort(GoJson.GO_STRING_ORDER);
            inv.ui().output(String.join(", ", caps));
            return ExitCodes.OK;
        }
        return inv.printer().outputData(caps);
    }
}
