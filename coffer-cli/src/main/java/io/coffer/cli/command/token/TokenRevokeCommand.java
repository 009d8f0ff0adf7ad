package io.coffer.cli.command.token;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import java.util.Map;

/**
 * {@code coffer token revoke}: revokes a token and its children, the caller's own token
 * ({@code -self}), a token by accessor ({@code -accessor}), or only the token, orphaning its
 * children ({@code -mode=orphan}).
 */
public final class TokenRevokeCommand extends BaseCommand {
    /** Creates the command. */
    public TokenRevokeCommand() {
        super(
                "token revoke",
                "Revoke a token and its children",
                """
                Usage: coffer token revoke [options] [TOKEN | ACCESSOR]

                  Revokes authentication tokens and their children. If a TOKEN is not provided,
                  the locally authenticated token is used. The "-mode" flag can be used to
                  control the behavior of the revocation. See the "-mode" flag documentation
                  for more information.

                  Revoke a token and all the token's children:

                      $ coffer token revoke 96ddf4bc-d217-f3ba-f9bd-017055595017

                  Revoke a token leaving the token's children:

                      $ coffer token revoke -mode=orphan 96ddf4bc-d217-f3ba-f9bd-017055595017

                  Revoke a token by accessor:

                      $ coffer token revoke -accessor 9793c9b3-e04a-46f3-e7b8-748d7da248da

                  Revoke the locally authenticated token:

                      $ coffer token revoke -self
                """,
                StandardFlags.plus(
                        StandardFlags.http(),
                        TokenFlags.accessor(""),
                        FlagSpec.of(
                                StandardFlags.COMMAND,
                                "self",
                                FlagType.BOOL,
                                Boolean.FALSE,
                                "Perform the revocation on the currently authenticated token."),
                        FlagSpec.of(
                                StandardFlags.COMMAND,
                                "mode",
                                FlagType.STRING,
                                null,
                                "Type of revocation to perform. If unspecified, Coffer will revoke the token"
                                        + " and all of the token's children. If \"orphan\", Coffer will revoke only"
                                        + " the token, leaving the children as orphans.")));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        boolean self = inv.flags().bool("self");
        boolean accessor = inv.flags().bool("accessor");
        String mode = inv.flags().string("mode");
        int n = inv.args().size();
        if (self && n > 0) {
            throw new UsageException("Too many arguments with -self (expected 0, got " + n + ")");
        }
        if (!self && n > 1) {
            throw new UsageException("Too many arguments (expected 1 or -self, got " + n + ")");
        }
        if (!self && n < 1) {
            throw new UsageException("Not enough arguments (expected 1 or -self, got " + n + ")");
        }
        if (self && accessor) {
            throw new UsageException("Cannot use -self with -accessor!");
        }
        if (self && !mode.isEmpty()) {
            throw new UsageException("Cannot use -self with -mode!");
        }
        if (accessor && mode.equals("orphan")) {
            throw new UsageException("Cannot use -accessor with -mode=orphan!");
        }
        if (!mode.isEmpty() && !mode.equals("orphan")) {
            throw new UsageException("Invalid mode: " + mode + " (expected \"orphan\" or empty)");
        }
        String token = self ? "" : inv.args().get(0).strip();
        Requests.send(inv, "Error revoking token: ", c -> {
            if (self) {
                return c.write("auth/token/revoke-self", null);
            } else if (accessor) {
                return c.post("auth/token/revoke-accessor", Map.of("accessor", token));
            } else if (mode.equals("orphan")) {
                return c.write("auth/token/revoke-orphan", Map.of("token", token));
            }
            return c.write("auth/token/revoke", Map.of("token", token));
        });
        inv.ui().output("Success! Revoked token (if it existed)");
        return ExitCodes.OK;
    }
}
