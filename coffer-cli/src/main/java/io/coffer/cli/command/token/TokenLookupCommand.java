package io.coffer.cli.command.token;

import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.Secret;
import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import java.util.Map;

/**
 * {@code coffer token lookup [TOKEN]}: prints a token's properties ({@code lookup-self} without an
 * argument, {@code lookup-accessor} with {@code -accessor}).
 */
public final class TokenLookupCommand extends BaseCommand {
    /** Creates the command. */
    public TokenLookupCommand() {
        super(
                "token lookup",
                "Display information about a token",
                """
                Usage: coffer token lookup [options] [TOKEN | ACCESSOR]

                  Displays information about a token or accessor. If a TOKEN is not provided,
                  the locally authenticated token is used.

                  Get information about the locally authenticated token (this uses the
                  /auth/token/lookup-self endpoint and permission):

                      $ coffer token lookup

                  Get information about a particular token (this uses the /auth/token/lookup
                  endpoint and permission):

                      $ coffer token lookup 96ddf4bc-d217-f3ba-f9bd-017055595017

                  Get information about a token via its accessor:

                      $ coffer token lookup -accessor 9793c9b3-e04a-46f3-e7b8-748d7da248da
                """,
                StandardFlags.plus(
                        StandardFlags.httpFieldAndFormat(),
                        FlagSpec.of(
                                StandardFlags.COMMAND,
                                "accessor",
                                FlagType.BOOL,
                                Boolean.FALSE,
                                "Treat the argument as an accessor instead of a token. When this option is"
                                        + " selected, the output will NOT include the token.")));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException {
        boolean accessor = inv.flags().bool("accessor");
        int n = inv.args().size();
        if (accessor && n < 1) {
            throw new UsageException("Not enough arguments with -accessor (expected 1, got " + n + ")");
        }
        if (accessor && n > 1) {
            throw new UsageException("Too many arguments with -accessor (expected 1, got " + n + ")");
        }
        inv.expectArgs(0, 1);
        String token = n == 1 ? inv.args().get(0).strip() : "";
        Secret secret;
        try {
            if (token.isEmpty()) {
                secret = inv.client().read("auth/token/lookup-self", null);
            } else if (accessor) {
                secret = inv.client().post("auth/token/lookup-accessor", Map.of("accessor", token));
            } else {
                secret = inv.client().post("auth/token/lookup", Map.of("token", token));
            }
        } catch (ClientException e) {
            return apiError(inv, "Error looking up token: ", e);
        }
        if (secret == null) {
            inv.ui().error("Error looking up token: empty response from server");
            return ExitCodes.API;
        }
        if (!inv.field().isEmpty()) {
            return inv.printer().printRawField(secret, inv.field());
        }
        return inv.printer().outputSecret(secret);
    }
}
