package io.coffer.cli.command.login;

import io.coffer.cli.api.Secret;
import io.coffer.cli.api.VaultClient;
import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.input.KeyValueException;
import io.coffer.cli.output.OutputFormat;
import io.coffer.cli.output.TextWrap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code coffer login [-method=M] [-path=P] [TOKEN | - | K=V...]}: authenticates, stores the
 * token in {@code ~/.vault-token} (mode 0600) unless {@code -no-store}, and prints it as vault
 * does (success text and token table, {@code -format=json}, {@code -field}, {@code -token-only}).
 *
 * <p>Methods: {@code token} ({@link TokenLogin}, checked with {@code auth/token/lookup-self}),
 * {@code userpass} ({@link UserpassLogin}, {@code auth/<path>/login/<username>}) and {@code
 * approle} ({@link AppRoleLogin}, {@code auth/<path>/login}). The mount is {@code mount=...}, else
 * {@code -path}, else the method name, as in vault. A value given as {@code key=-} is read from
 * standard input and loses one trailing newline ({@code echo "$PW" | coffer login
 * -method=userpass username=u password=-}).
 */
public final class LoginCommand extends BaseCommand {
    /** The auth methods this CLI can log in with. */
    static final Set<String> METHODS = Set.of("token", "userpass", "approle");

    /** Creates the command. */
    public LoginCommand() {
        super(
                "login",
                "Authenticate locally",
                """
                Usage: coffer login [options] [AUTH K=V...]

                  Authenticates users or machines to Coffer using the provided arguments. A
                  successful authentication results in a token - conceptually similar to a
                  session token on a website. By default, this token is cached on the local
                  machine (in ~/.vault-token) for future requests.

                  The default auth method is "token". If not supplied via the CLI, Coffer will
                  prompt for input. If the argument is "-", the values are read from stdin.

                  Authenticate with a token:

                      $ coffer login s.3jnbMAKl1i4YS3QoKdbHzGXq

                  Authenticate with a token read from stdin:

                      $ echo "$TOKEN" | coffer login -

                  The -method flag allows using other auth methods, such as userpass or approle.
                  For these, additional "K=V" pairs may be required. For example, to
                  authenticate to the userpass auth method (the password is prompted for,
                  without echo, when it is not given; "password=-" reads it from stdin):

                      $ coffer login -method=userpass username=my-username

                  Authenticate to the AppRole auth method, reading the secret ID from a file:

                      $ coffer login -method=approle role_id=my-role-id secret_id=@secret-id.txt

                  Use "coffer auth list" to see the list of enabled auth methods.

                  If an auth method is enabled at a non-standard path, the -method flag still
                  refers to the canonical type, but the -path flag refers to the enabled path.
                  If a userpass auth method was enabled at "userpass-prod", authenticate like
                  this:

                      $ coffer login -method=userpass -path=userpass-prod username=my-username
                """,
                StandardFlags.plus(
                        StandardFlags.httpFieldAndFormat(),
                        FlagSpec.of(
                                StandardFlags.COMMAND,
                                "method",
                                FlagType.STRING,
                                "token",
                                "Type of authentication to use such as \"userpass\". Note this corresponds to"
                                        + " the TYPE, not the enabled path. Use -path to specify the path where the"
                                        + " authentication is enabled."),
                        FlagSpec.of(
                                StandardFlags.COMMAND,
                                "path",
                                FlagType.STRING,
                                null,
                                "Remote path in Coffer where the auth method is enabled. This defaults to the"
                                        + " TYPE of method (e.g. userpass -> userpass/)."),
                        FlagSpec.of(
                                StandardFlags.COMMAND,
                                "no-store",
                                FlagType.BOOL,
                                Boolean.FALSE,
                                "Do not persist the token to the token helper (usually the local filesystem)"
                                        + " after authentication for use in future requests. The token will only be"
                                        + " displayed in the command output."),
                        FlagSpec.of(
                                StandardFlags.COMMAND,
                                "no-print",
                                FlagType.BOOL,
                                Boolean.FALSE,
                                "Do not display the token. The token will be still be stored to the configured"
                                        + " token helper."),
                        FlagSpec.of(
                                StandardFlags.COMMAND,
                                "token-only",
                                FlagType.BOOL,
                                Boolean.FALSE,
                                "Output only the token with no verification. This flag is a shortcut for"
                                        + " \"-field=token -no-store\". Setting those flags to other values will have"
                                        + " no affect.")));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException {
        boolean tokenOnly = inv.flags().bool("token-only");
        boolean noStore = inv.flags().bool("no-store") || tokenOnly;
        boolean noPrint = inv.flags().bool("no-print");
        String field = tokenOnly ? "token" : inv.field();
        if (noStore && noPrint) {
            throw new UsageException("-no-store and -no-print cannot be used together");
        }
        String method = sanitizePath(inv.flags().string("method"));
        if (method.isEmpty()) {
            method = "token";
        }
        if (!METHODS.contains(method)) {
            inv.ui().error(
                    TextWrap.wrap(
                            "Unknown auth method: " + method + ". Use \"coffer auth list\" to see the"
                                    + " complete list of auth methods. Additionally, some auth methods are"
                                    + " only available via the HTTP API."));
            return ExitCodes.USAGE;
        }
        String authPath = inv.flags().string("path");
        if (authPath.isEmpty()) {
            authPath = ensureTrailingSlash(method);
        }
        List<String> args = new ArrayList<>(inv.args());
        if (method.equals("token") && !args.isEmpty() && !args.get(0).contains("=")) {
            args.set(0, "token=" + args.get(0));
        }
        Map<String, String> config;
        try {
            config = inv.keyValues().parseStrings(args);
        } catch (KeyValueException e) {
            inv.ui().error("Error parsing configuration: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        dropStdinNewlines(args, config);
        String mount = config.getOrDefault("mount", "");
        if (mount.isEmpty()) {
            mount = authPath;
        }
        VaultClient client = inv.client();
        Secret secret;
        try {
            switch (method) {
                case "token":
                    secret = new TokenLogin(inv).authenticate(client, config);
                    break;
                case "userpass":
                    secret = new UserpassLogin(inv).authenticate(client.withToken(""), config, mount);
                    break;
                default:
                    secret = new AppRoleLogin().authenticate(client.withToken(""), config, mount);
                    break;
            }
        } catch (LoginException e) {
            inv.ui().error("Error authenticating: " + e.getMessage());
            return ExitCodes.API;
        }
        if (secret == null || secret.auth() == null) {
            inv.ui().error(
                    TextWrap.wrap(
                            "Coffer returned a secret, but the secret has no authentication information"
                                    + " attached. This should never happen and is likely a bug."));
            return ExitCodes.API;
        }
        String token = Secret.string(secret.auth().get("client_token"));
        if (!noStore) {
            try {
                inv.tokenStore().store(token);
            } catch (IOException e) {
                inv.ui().error("Error storing token: " + e.getMessage());
                inv.ui().error(
                        TextWrap.wrap(
                                        "Authentication was successful, but the token was not persisted. The"
                                                + " resulting token is shown below for your records.")
                                + "\n");
                inv.printer().outputSecret(secret);
                return ExitCodes.API;
            }
            if (inv.context().env().has("VAULT_TOKEN")) {
                inv.ui().warn(
                        TextWrap.wrap(
                                        "WARNING! The VAULT_TOKEN environment variable is set! The value of this"
                                                + " variable will take precedence; if this is unwanted please unset"
                                                + " VAULT_TOKEN or update its value accordingly.")
                                + "\n");
            }
        } else if (!tokenOnly) {
            inv.ui().warn(
                    TextWrap.wrap(
                                    "The token was not stored in token helper. Set the VAULT_TOKEN environment"
                                            + " variable or pass the token below with each request to Coffer.")
                            + "\n");
        }
        if (noPrint) {
            return ExitCodes.OK;
        }
        if (!field.isEmpty()) {
            return inv.printer().printRawField(secret, field);
        }
        if (inv.format() == OutputFormat.TABLE) {
            inv.ui().output(
                    TextWrap.wrap(
                                    "Success! You are now authenticated. The token information displayed below is"
                                            + " already stored in the token helper. You do NOT need to run \"coffer"
                                            + " login\" again. Future Coffer requests will automatically use this"
                                            + " token.")
                            + "\n");
        }
        return inv.printer().outputSecret(secret);
    }

    /**
     * Drops one trailing line terminator from every value given as {@code key=-} (read from
     * standard input), so that {@code echo "$PW" | ... password=-} sends the password itself.
     */
    static void dropStdinNewlines(List<String> args, Map<String, String> config) {
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq > 0 && arg.substring(eq + 1).equals("-")) {
                String key = arg.substring(0, eq);
                String v = config.get(key);
                if (v != null && v.endsWith("\n")) {
                    v = v.substring(0, v.length() - 1);
                    if (v.endsWith("\r")) {
                        v = v.substring(0, v.length() - 1);
                    }
                    config.put(key, v);
                }
            }
        }
    }

    /** Builds the {@code auth} block vault shows after a token login, from lookup-self data. */
    static Map<String, Object> authFromLookup(Map<String, Object> data) {
        List<String> policies =
                data.get("policies") instanceof List<?> l ? Secret.strings(l) : new ArrayList<>();
        List<String> identity =
                data.get("identity_policies") instanceof List<?> l ? Secret.strings(l) : List.of();
        List<String> all = new ArrayList<>(policies);
        all.addAll(identity);
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("client_token", Secret.string(data.get("id")));
        auth.put("accessor", Secret.string(data.get("accessor")));
        auth.put("policies", all);
        auth.put("token_policies", policies);
        auth.put("identity_policies", identity);
        auth.put("metadata", null);
        auth.put("orphan", Boolean.TRUE.equals(data.get("orphan")));
        auth.put("entity_id", Secret.string(data.get("entity_id")));
        auth.put("lease_duration", Secret.longValue(data.get("ttl")));
        auth.put("renewable", Boolean.TRUE.equals(data.get("renewable")));
        auth.put("mfa_requirement", null);
        return auth;
    }
}
