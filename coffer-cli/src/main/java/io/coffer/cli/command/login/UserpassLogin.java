package io.coffer.cli.command.login;

import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.Secret;
import io.coffer.cli.api.VaultClient;
import io.coffer.cli.command.Invocation;
import java.io.Console;
import java.util.Map;

/**
 * The {@code userpass} login method: POST {@code auth/<path>/login/<username>} with the password
 * from the arguments or a hidden prompt.
 */
final class UserpassLogin {
    private final Invocation inv;

    UserpassLogin(Invocation inv) {
        this.inv = inv;
    }

    Secret authenticate(VaultClient client, Map<String, String> config, String mountPath)
            throws LoginException {
        String username = config.getOrDefault("username", "");
        if (username.isEmpty()) {
            throw new LoginException("'username' must be specified");
        }
        String password = config.getOrDefault("password", "");
        if (password.isEmpty()) {
            Console console = System.console();
            if (!inv.context().terminal() || console == null || inv.flags().bool("non-interactive")) {
                throw new LoginException("'password' must be specified (no terminal to prompt on)");
            }
            char[] chars = console.readPassword("Password (will be hidden): ");
            password = chars == null ? "" : new String(chars);
        }
        String mount = mountPath.endsWith("/") ? mountPath : mountPath + "/";
        Secret secret;
        try {
            secret = client.post("auth/" + mount + "login/" + username, Map.of("password", password));
        } catch (ClientException e) {
            throw new LoginException(e.getMessage());
        }
        if (secret == null) {
            throw new LoginException("empty response from credential provider");
        }
        return secret;
    }
}
