package io.coffer.cli.command.token;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.ParsedArgs;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.output.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code coffer token create}: creates a token with POST {@code auth/token/create} (or {@code
 * create/<role>}) and prints it as vault does; this and {@code login} are the only commands that
 * print a token.
 */
public final class TokenCreateCommand extends BaseCommand {
    /** Creates the command. */
    public TokenCreateCommand() {
        super(
                "token create",
                "Create a new token",
                """
                Usage: coffer token create [options]

                  Creates a new token that can be used for authentication. This token will be
                  created as a child of the currently authenticated token. The generated token
                  will inherit all policies and permissions of the currently authenticated
                  token unless you explicitly define a subset list policies to assign to the
                  token.

                  A ttl can also be associated with the token. If a ttl is not associated
                  with the token, then it cannot be renewed. If a ttl is associated with
                  the token, it will expire after that amount of time unless it is renewed.

                  Metadata associated with the token (specified with "-metadata") is written
                  to the audit log when the token is used.

                  If a role is specified, the role may override parameters specified here.

                  Create a token attached to specific policies:

                      $ coffer token create -policy=my-policy -policy=other-policy

                  Create a periodic token:

                      $ coffer token create -period=30m

                  Create a token with a TTL and print only the token:

                      $ coffer token create -ttl=1h -field=token
                """,
                flagSpecs());
    }

    private static List<FlagSpec> flagSpecs() {
        List<FlagSpec> l = new ArrayList<>(StandardFlags.httpFieldAndFormat());
        String s = StandardFlags.COMMAND;
        l.add(FlagSpec.of(s, "id", FlagType.STRING, null,
                "Value for the token. By default, this is an auto-generated string. Specifying this"
                        + " value requires sudo permissions."));
        l.add(FlagSpec.of(s, "display-name", FlagType.STRING, null,
                "Name to associate with this token. This is a non-sensitive value that can be used to"
                        + " help identify created secrets (e.g. prefixes)."));
        l.add(TokenFlags.duration("ttl",
                "Initial TTL to associate with the token. Token renewals may be able to extend beyond"
                        + " this value, depending on the configured maximum TTLs."));
        l.add(TokenFlags.duration("explicit-max-ttl",
                "Explicit maximum lifetime for the token. Unlike normal TTLs, the maximum TTL is a hard"
                        + " limit and cannot be exceeded."));
        l.add(TokenFlags.duration("period",
                "If specified, every renewal will use the given period. Periodic tokens do not expire"
                        + " as long as they are actively being renewed."));
        l.add(FlagSpec.of(s, "renewable", FlagType.BOOL, Boolean.TRUE,
                "Allow the token to be renewed up to it's maximum TTL."));
        l.add(FlagSpec.of(s, "orphan", FlagType.BOOL, Boolean.FALSE,
                "Create the token with no parent. This prevents the token from being revoked when the"
                        + " token which created it expires. Setting this value requires root or sudo"
                        + " permissions."));
        l.add(FlagSpec.of(s, "no-default-policy", FlagType.BOOL, Boolean.FALSE,
                "Detach the \"default\" policy from the policy set for this token."));
        l.add(FlagSpec.of(s, "use-limit", FlagType.INT, 0L,
                "Number of times this token can be used. After the last use, the token is"
                        + " automatically revoked. By default, tokens can be used an unlimited number of"
                        + " times until their expiration.").withAliases("num-uses"));
        l.add(FlagSpec.of(s, "role", FlagType.STRING, null,
                "Name of the role to create the token against. Specifying -role may override other"
                        + " arguments. The locally authenticated Coffer token must have permission for"
                        + " \"auth/token/create/<role>\"."));
        l.add(FlagSpec.of(s, "type", FlagType.STRING, null,
                "The type of token to create. Can be \"service\" or \"batch\"."));
        l.add(FlagSpec.of(s, "policy", FlagType.STRING_SLICE, null,
                "Name of a policy to associate with this token. This can be specified multiple times"
                        + " to attach multiple policies."));
        l.add(FlagSpec.of(s, "metadata", FlagType.STRING_MAP, null,
                "Arbitrary key=value metadata to associate with the token. This metadata will show in"
                        + " the audit log when the token is used. This can be specified multiple times to"
                        + " add multiple pieces of metadata."));
        l.add(FlagSpec.of(s, "entity-alias", FlagType.STRING, null,
                "Name of the entity alias to associate with during token creation. Only works in"
                        + " combination with -role argument and used entity alias must be listed in"
                        + " allowed_entity_aliases."));
        return l;
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(0, 0);
        ParsedArgs f = inv.flags();
        Map<String, Object> body = request(f);
        String role = f.string("role");
        String path = role.isEmpty() ? "auth/token/create" : "auth/token/create/" + role;
        return inv.printSecret(
                Requests.sendForAnswer(inv, "Error creating token", c -> c.post(path, body)));
    }

    /** The request body of {@code auth/token/create}; only options given are sent. */
    static Map<String, Object> request(ParsedArgs f) {
        Map<String, Object> body = new LinkedHashMap<>();
        putString(body, "id", f.string("id"));
        if (!f.list("policy").isEmpty()) {
            body.put("policies", f.list("policy"));
        }
        if (!f.map("metadata").isEmpty()) {
            body.put("meta", f.map("metadata"));
        }
        putDuration(body, "ttl", f.duration("ttl"));
        putDuration(body, "explicit_max_ttl", f.duration("explicit-max-ttl"));
        putDuration(body, "period", f.duration("period"));
        if (f.bool("orphan")) {
            body.put("no_parent", true);
        }
        if (f.bool("no-default-policy")) {
            body.put("no_default_policy", true);
        }
        putString(body, "display_name", f.string("display-name"));
        if (f.longValue("use-limit") != 0) {
            body.put("num_uses", f.longValue("use-limit"));
        }
        body.put("renewable", f.bool("renewable"));
        putString(body, "type", f.string("type"));
        putString(body, "entity_alias", f.string("entity-alias"));
        return body;
    }

    private static void putString(Map<String, Object> body, String key, String value) {
        if (!value.isEmpty()) {
            body.put(key, value);
        }
    }

    private static void putDuration(Map<String, Object> body, String key, Duration d) {
        if (!d.isZero()) {
            body.put(key, Durations.format(d));
        }
    }
}
