package io.coffer.cli.command.token;

import io.coffer.cli.api.Secret;
import io.coffer.cli.command.ApiRequest;
import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;

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
                        TokenFlags.accessor(
                                " When this option is selected, the output will NOT include the token.")));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
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
        TokenTarget target = TokenTarget.of("auth/token/lookup", token, accessor);
        ApiRequest<Secret> lookup = target.self()
                ? c -> c.read(target.path(), null)
                : c -> c.post(target.path(), target.body());
        return inv.printSecret(Requests.sendForAnswer(inv, "Error looking up token", lookup));
    }
}
