package io.coffer.cli.command.login;

import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.Secret;
import io.coffer.cli.api.VaultClient;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code approle} login method: POST {@code auth/<mount>/login} with {@code role_id} and, when
 * given, {@code secret_id} (a role with {@code bind_secret_id=false} needs none).
 *
 * <p>The vault CLI has no {@code approle} handler (its docs use {@code vault write
 * auth/approle/login}); this one behaves like the {@code userpass} handler so that {@code coffer
 * login} stores the token. Both values are trimmed of surrounding whitespace, as Vault Agent does
 * with its role/secret ID files, so {@code secret_id=@file} and {@code secret_id=-} (stdin) work
 * with a trailing newline. The secret ID is never printed or prompted for.
 */
final class AppRoleLogin {
    Secret authenticate(VaultClient client, Map<String, String> config, String mountPath)
            throws LoginException {
        String roleId = config.getOrDefault("role_id", "").strip();
        if (roleId.isEmpty()) {
            throw new LoginException("'role_id' must be specified");
        }
        String secretId = config.getOrDefault("secret_id", "").strip();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role_id", roleId);
        if (!secretId.isEmpty()) {
            body.put("secret_id", secretId);
        }
        String mount = mountPath.endsWith("/") ? mountPath : mountPath + "/";
        Secret secret;
        try {
            secret = client.post("auth/" + mount + "login", body);
        } catch (ClientException e) {
            throw new LoginException(e.getMessage());
        }
        if (secret == null) {
            throw new LoginException("empty response from credential provider");
        }
        return secret;
    }
}
