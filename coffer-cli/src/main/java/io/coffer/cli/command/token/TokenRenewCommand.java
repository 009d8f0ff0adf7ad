package io.coffer.cli.command.token;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;

/**
 * {@code coffer token renew [TOKEN]}: extends a token's lease ({@code renew-self} without an
 * argument), optionally by {@code -increment}.
 */
public final class TokenRenewCommand extends BaseCommand {
    /** Creates the command. */
    public TokenRenewCommand() {
        super(
                "token renew",
                "Renew a token lease",
                """
                Usage: coffer token renew [options] [TOKEN]

                  Renews a token's lease, extending the amount of time it can be used. If a
                  TOKEN is not provided, the locally authenticated token is used. A token
                  accessor can be used as well. Lease renewal will fail if the token is not
                  renewable, the token has already been revoked, or if the token has already
                  reached its maximum TTL.

                  Renew a token (this uses the /auth/token/renew endpoint and permission):

                      $ coffer token renew 96ddf4bc-d217-f3ba-f9bd-017055595017

                  Renew the currently authenticated token (this uses the /auth/token/renew-self
                  endpoint and permission):

                      $ coffer token renew

                  Renew a token requesting a specific increment value:

                      $ coffer token renew -increment=30m 96ddf4bc-d217-f3ba-f9bd-017055595017
                """,
                StandardFlags.plus(
                        StandardFlags.httpFieldAndFormat(),
                        TokenFlags.duration(
                                        "increment",
                                        "Request a specific increment for renewal. This increment may not be"
                                                + " honored, for instance in the case of periodic tokens. If not"
                                                + " supplied, Coffer will use the default TTL.")
                                .withAliases("i"),
                        TokenFlags.accessor("")));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        int n = inv.args().size();
        if (n > 1) {
            throw new UsageException("Too many arguments (expected 1, got " + n + ")");
        }
        String token = n == 1 ? inv.args().get(0).strip() : "";
        long increment = inv.flags().duration("increment").getSeconds();
        TokenTarget target = TokenTarget.of("auth/token/renew", token, inv.flags().bool("accessor"));
        target.body().put("increment", increment);
        return inv.printSecret(Requests.sendForAnswer(
                inv, "Error renewing token", c -> c.write(target.path(), target.body())));
    }
}
