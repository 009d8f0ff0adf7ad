package io.coffer.cli.command.login;

import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.Secret;
import io.coffer.cli.api.VaultClient;
import io.coffer.cli.command.Invocation;
import java.io.Console;
import java.util.Map;

/**
 * The {@code token} login method: takes the token from the arguments, stdin ({@code -}) or a
 * hidden prompt, and verifies it with {@code auth/token/lookup-self} using that token.
 */
final class TokenLogin {
    private final Invocation inv;

    TokenLogin(Invocation inv) {
        this.inv = inv;
    }

    Secret authenticate(VaultClient client, Map<String, String> config) throws LoginException {
        boolean lookup = true;
        if (config.containsKey("lookup")) {
            String v = config.get("lookup").strip().toLowerCase(java.util.Locale.ROOT);
            if (!v.equals("true") && !v.equals("false") && !v.equals("1") && !v.equals("0")) {
                throw new LoginException("Failed to parse \"lookup\" as boolean: " + config.get("lookup"));
            }
            lookup = v.equals("true") || v.equals("1");
        }
        String token = config.getOrDefault("token", "");
        if (token.isEmpty()) {
            token = prompt();
        }
        token = token.strip();
        if (token.isEmpty()) {
            throw new LoginException(
                    "a token must be passed to auth, please view the help for more information");
        }
        if (!lookup) {
            return Secret.ofAuth(Map.of("client_token", token));
        }
        Secret secret;
        try {
            secret = client.withToken(token).read("auth/token/lookup-self", null);
        } catch (ClientException e) {
            throw new LoginException("error looking up token: " + e.getMessage());
        }
        if (secret == null || secret.data() == null) {
            throw new LoginException("empty response from lookup-self");
        }
        return Secret.ofAuth(LoginCommand.authFromLookup(secret.data()));
    }

    private String prompt() throws LoginException {
        Console console = System.console();
        if (!inv.context().terminal() || console == null || inv.flags().bool("non-interactive")) {
            throw new LoginException(
                    "An error occurred attempting to ask for a token. The raw error message is shown"
                            + " below, but usually this is because you attempted to pipe a value into the"
                            + " command or you are executing outside of a terminal (tty). If you want to pipe"
                            + " the value, pass \"-\" as the argument to read from stdin. The raw error was:"
                            + " not a terminal");
        }
        char[] chars = console.readPassword("Token (will be hidden): ");
        return chars == null ? "" : new String(chars);
    }
}
