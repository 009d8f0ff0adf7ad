package io.coffer.cli.command.login;

import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.Secret;
import io.coffer.cli.api.VaultClient;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.input.SecretPrompt;
import io.coffer.cli.input.StreamSecretPrompt;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * The {@code userpass} login method (vault's {@code credential/userpass} CLI handler): POST {@code
 * auth/<mount>/login/<username>} with {@code {"password": ...}}.
 *
 * <p>Without {@code password=...} the password is asked for as vault does: the prompt {@code
 * Password (will be hidden): } goes to standard error and the answer is read without echo on a
 * terminal, or as one line of standard input otherwise (so {@code echo pw | coffer login
 * -method=userpass username=u} works). With {@code -non-interactive} nothing is asked. The password
 * is never printed.
 */
final class UserpassLogin {
    static final String PROMPT = "Password (will be hidden): ";

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
            if (inv.flags().bool("non-interactive")) {
                throw new LoginException("'password' must be specified and refusing to pull from stdin");
            }
            password = prompt();
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

    private String prompt() throws LoginException {
        SecretPrompt prompt =
                inv.context().terminal()
                        ? inv.context().prompt()
                        : new StreamSecretPrompt(inv.stdin(), inv.ui(), true);
        char[] chars;
        try {
            chars = prompt.read(PROMPT);
        } catch (IOException e) {
            throw new LoginException("error reading the password: " + e.getMessage());
        }
        if (chars == null) {
            return "";
        }
        String password = new String(chars);
        Arrays.fill(chars, '\0');
        return password;
    }
}
