package io.coffer.cli;

import io.coffer.cli.command.CliCommand;
import io.coffer.cli.command.audit.AuditDisableCommand;
import io.coffer.cli.command.audit.AuditEnableCommand;
import io.coffer.cli.command.audit.AuditListCommand;
import io.coffer.cli.command.auth.AuthDisableCommand;
import io.coffer.cli.command.auth.AuthEnableCommand;
import io.coffer.cli.command.auth.AuthListCommand;
import io.coffer.cli.command.auth.AuthTuneCommand;
import io.coffer.cli.command.generic.DeleteCommand;
import io.coffer.cli.command.generic.ListCommand;
import io.coffer.cli.command.generic.ReadCommand;
import io.coffer.cli.command.generic.WriteCommand;
import io.coffer.cli.command.kv.KvDeleteCommand;
import io.coffer.cli.command.kv.KvDestroyCommand;
import io.coffer.cli.command.kv.KvGetCommand;
import io.coffer.cli.command.kv.KvListCommand;
import io.coffer.cli.command.kv.KvMetadataDeleteCommand;
import io.coffer.cli.command.kv.KvMetadataGetCommand;
import io.coffer.cli.command.kv.KvMetadataPutCommand;
import io.coffer.cli.command.kv.KvPatchCommand;
import io.coffer.cli.command.kv.KvPutCommand;
import io.coffer.cli.command.kv.KvUndeleteCommand;
import io.coffer.cli.command.login.LoginCommand;
import io.coffer.cli.command.operator.OperatorInitCommand;
import io.coffer.cli.command.operator.OperatorKeyStatusCommand;
import io.coffer.cli.command.operator.OperatorMembersCommand;
import io.coffer.cli.command.operator.OperatorRekeyCommand;
import io.coffer.cli.command.operator.OperatorRotateCommand;
import io.coffer.cli.command.operator.OperatorSealCommand;
import io.coffer.cli.command.operator.OperatorStepDownCommand;
import io.coffer.cli.command.operator.OperatorUnsealCommand;
import io.coffer.cli.command.policy.PolicyDeleteCommand;
import io.coffer.cli.command.raft.OperatorRaftAutopilotStateCommand;
import io.coffer.cli.command.raft.OperatorRaftJoinCommand;
import io.coffer.cli.command.raft.OperatorRaftListPeersCommand;
import io.coffer.cli.command.raft.OperatorRaftRemovePeerCommand;
import io.coffer.cli.command.raft.OperatorRaftSnapshotRestoreCommand;
import io.coffer.cli.command.raft.OperatorRaftSnapshotSaveCommand;
import io.coffer.cli.command.policy.PolicyFmtCommand;
import io.coffer.cli.command.policy.PolicyListCommand;
import io.coffer.cli.command.policy.PolicyReadCommand;
import io.coffer.cli.command.policy.PolicyWriteCommand;
import io.coffer.cli.command.secrets.SecretsDisableCommand;
import io.coffer.cli.command.secrets.SecretsEnableCommand;
import io.coffer.cli.command.secrets.SecretsListCommand;
import io.coffer.cli.command.secrets.SecretsTuneCommand;
import io.coffer.cli.command.sys.StatusCommand;
import io.coffer.cli.command.sys.VersionCommand;
import io.coffer.cli.command.token.TokenCapabilitiesCommand;
import io.coffer.cli.command.token.TokenCreateCommand;
import io.coffer.cli.command.token.TokenLookupCommand;
import io.coffer.cli.command.token.TokenRenewCommand;
import io.coffer.cli.command.token.TokenRevokeCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of commands: their names and synopses for listings, the command groups with their
 * help, and {@link #create(String)}, which instantiates only the command being run (explicit
 * wiring, no reflection, no class loading of the other commands).
 */
public final class CommandCatalog {

    /** A listed command or group. */
    public record Entry(String name, String synopsis) {}

    private static final List<Entry> COMMANDS =
            List.of(
                    new Entry("audit disable", "Disables an audit device"),
                    new Entry("audit enable", "Enables an audit device"),
                    new Entry("audit list", "Lists enabled audit devices"),
                    new Entry("auth disable", "Disables an auth method"),
                    new Entry("auth enable", "Enables a new auth method"),
                    new Entry("auth list", "Lists enabled auth methods"),
                    new Entry("auth tune", "Tunes an auth method configuration"),
                    new Entry("delete", "Delete secrets and configuration"),
                    new Entry("kv delete", "Deletes versions in the KV store"),
                    new Entry("kv destroy", "Permanently removes one or more versions in the KV store"),
                    new Entry("kv get", "Retrieves data from the KV store"),
                    new Entry("kv list", "List data or secrets"),
                    new Entry("kv metadata delete", "Deletes all versions and metadata for a key in the KV store"),
                    new Entry("kv metadata get", "Retrieves key metadata from the KV store"),
                    new Entry("kv metadata put", "Sets or updates key settings in the KV store"),
                    new Entry("kv patch", "Sets or updates data in the KV store without overwriting"),
                    new Entry("kv put", "Sets or updates data in the KV store"),
                    new Entry("kv undelete", "Undeletes versions in the KV store"),
                    new Entry("list", "List data or secrets"),
                    new Entry("login", "Authenticate locally"),
                    new Entry("operator init", "Initializes a server"),
                    new Entry("operator key-status", "Provides information about the active encryption key"),
                    new Entry("operator members", "Returns the list of nodes in the cluster"),
                    new Entry("operator raft autopilot state",
                            "Displays the state of the raft cluster under integrated storage as seen by autopilot"),
                    new Entry("operator raft join", "Joins a node to the Raft cluster"),
                    new Entry("operator raft list-peers", "Returns the Raft peer set"),
                    new Entry("operator raft remove-peer", "Removes a node from the Raft cluster"),
                    new Entry("operator raft snapshot restore",
                            "Installs the provided snapshot, returning the cluster to the state defined in it"),
                    new Entry("operator raft snapshot save",
                            "Saves a snapshot of the current state of the Raft cluster into a file"),
                    new Entry("operator rekey", "Generates new unseal keys"),
                    new Entry("operator rotate", "Rotates the underlying encryption key"),
                    new Entry("operator seal", "Seals the Coffer server"),
                    new Entry("operator step-down", "Forces Coffer to resign active duty"),
                    new Entry("operator unseal", "Unseals the Coffer server"),
                    new Entry("policy delete", "Deletes a policy by name"),
                    new Entry("policy fmt", "Formats a policy on disk"),
                    new Entry("policy list", "Lists the installed policies"),
                    new Entry("policy read", "Prints the contents of a policy"),
                    new Entry("policy write", "Uploads a named policy from a file"),
                    new Entry("read", "Read data and retrieves secrets"),
                    new Entry("secrets disable", "Disable a secrets engine"),
                    new Entry("secrets enable", "Enable a secrets engine"),
                    new Entry("secrets list", "List enabled secrets engines"),
                    new Entry("secrets tune", "Tune a secrets engine configuration"),
                    new Entry("status", "Print seal and HA status"),
                    new Entry("token capabilities", "Print capabilities of a token on a path"),
                    new Entry("token create", "Create a new token"),
                    new Entry("token lookup", "Display information about a token"),
                    new Entry("token renew", "Renew a token lease"),
                    new Entry("token revoke", "Revoke a token and its children"),
                    new Entry("version", "Prints the Coffer CLI version"),
                    new Entry("write", "Write data, configuration, and secrets"));

    private static final List<Entry> GROUPS =
            List.of(
                    new Entry("audit", "Interact with audit devices"),
                    new Entry("auth", "Interact with auth methods"),
                    new Entry("kv", "Interact with Coffer's Key-Value storage"),
                    new Entry("kv metadata", "Interact with Coffer's Key-Value storage"),
                    new Entry("operator", "Perform operator-specific tasks"),
                    new Entry("operator raft", "Interact with Coffer's raft storage backend"),
                    new Entry("operator raft autopilot", "Inspect autopilot's view of the raft cluster"),
                    new Entry("operator raft snapshot", "Restores and saves snapshots from the Raft cluster"),
                    new Entry("policy", "Interact with policies"),
                    new Entry("secrets", "Interact with secrets engines"),
                    new Entry("token", "Interact with tokens"));

    /** Commands provided by other modules through the {@code coffer} launcher. */
    public static final List<Entry> EXTERNAL =
            List.of(
                    new Entry("server", "Start a Coffer server"),
                    new Entry("bench", "Run Coffer benchmarks"));

    private CommandCatalog() {}

    /** Creates the command with this exact name, or returns null. */
    public static CliCommand create(String name) {
        switch (name) {
            case "audit disable": return new AuditDisableCommand();
            case "audit enable": return new AuditEnableCommand();
            case "audit list": return new AuditListCommand();
            case "auth disable": return new AuthDisableCommand();
            case "auth enable": return new AuthEnableCommand();
            case "auth list": return new AuthListCommand();
            case "auth tune": return new AuthTuneCommand();
            case "delete": return new DeleteCommand();
            case "kv delete": return new KvDeleteCommand();
            case "kv destroy": return new KvDestroyCommand();
            case "kv get": return new KvGetCommand();
            case "kv list": return new KvListCommand();
            case "kv metadata delete": return new KvMetadataDeleteCommand();
            case "kv metadata get": return new KvMetadataGetCommand();
            case "kv metadata put": return new KvMetadataPutCommand();
            case "kv patch": return new KvPatchCommand();
            case "kv put": return new KvPutCommand();
            case "kv undelete": return new KvUndeleteCommand();
            case "list": return new ListCommand();
            case "login": return new LoginCommand();
            case "operator init": return new OperatorInitCommand();
            case "operator key-status": return new OperatorKeyStatusCommand();
            case "operator members": return new OperatorMembersCommand();
            case "operator raft autopilot state": return new OperatorRaftAutopilotStateCommand();
            case "operator raft join": return new OperatorRaftJoinCommand();
            case "operator raft list-peers": return new OperatorRaftListPeersCommand();
            case "operator raft remove-peer": return new OperatorRaftRemovePeerCommand();
            case "operator raft snapshot restore": return new OperatorRaftSnapshotRestoreCommand();
            case "operator raft snapshot save": return new OperatorRaftSnapshotSaveCommand();
            case "operator rekey": return new OperatorRekeyCommand();
            case "operator rotate": return new OperatorRotateCommand();
            case "operator seal": return new OperatorSealCommand();
            case "operator step-down": return new OperatorStepDownCommand();
            case "operator unseal": return new OperatorUnsealCommand();
            case "policy delete": return new PolicyDeleteCommand();
            case "policy fmt": return new PolicyFmtCommand();
            case "policy list": return new PolicyListCommand();
            case "policy read": return new PolicyReadCommand();
            case "policy write": return new PolicyWriteCommand();
            case "read": return new ReadCommand();
            case "secrets disable": return new SecretsDisableCommand();
            case "secrets enable": return new SecretsEnableCommand();
            case "secrets list": return new SecretsListCommand();
            case "secrets tune": return new SecretsTuneCommand();
            case "status": return new StatusCommand();
            case "token capabilities": return new TokenCapabilitiesCommand();
            case "token create": return new TokenCreateCommand();
            case "token lookup": return new TokenLookupCommand();
            case "token renew": return new TokenRenewCommand();
            case "token revoke": return new TokenRevokeCommand();
            case "version": return new VersionCommand();
            case "write": return new WriteCommand();
            default: return null;
        }
    }

    /** All leaf commands, sorted by name. */
    public static List<Entry> commands() {
        return COMMANDS;
    }

    /** True when {@code name} is a command group ({@code kv}, {@code token}, ...). */
    public static boolean isGroup(String name) {
        for (Entry g : GROUPS) {
            if (g.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The direct children (commands and sub-groups) of a group, with their synopses. */
    public static List<Entry> children(String group) {
        List<Entry> out = new ArrayList<>();
        String prefix = group + " ";
        for (Entry g : GROUPS) {
            if (g.name().startsWith(prefix) && g.name().indexOf(' ', prefix.length()) < 0) {
                out.add(new Entry(g.name().substring(prefix.length()), g.synopsis()));
            }
        }
        for (Entry c : COMMANDS) {
            if (c.name().startsWith(prefix) && c.name().indexOf(' ', prefix.length()) < 0) {
                out.add(new Entry(c.name().substring(prefix.length()), c.synopsis()));
            }
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** The top-level names: groups and single-word commands. */
    public static List<Entry> topLevel() {
        List<Entry> out = new ArrayList<>();
        for (Entry g : GROUPS) {
            if (g.name().indexOf(' ') < 0) {
                out.add(g);
            }
        }
        for (Entry c : COMMANDS) {
            if (c.name().indexOf(' ') < 0) {
                out.add(c);
            }
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** The help of a command group (usage, examples, then the list of subcommands). */
    public static String groupHelp(String group) {
        String body =
                switch (group) {
                    case "audit" -> """
                            Usage: coffer audit <subcommand> [options] [args]

                              This command groups subcommands for interacting with Coffer's audit devices.
                              Users can list, enable, and disable audit devices.

                              List all enabled audit devices:

                                  $ coffer audit list

                              Enable a new audit device "file";

                                   $ coffer audit enable file file_path=/var/log/audit.log

                              Please see the individual subcommand help for detailed usage information.
                            """;
                    case "auth" -> """
                            Usage: coffer auth <subcommand> [options] [args]

                              This command groups subcommands for interacting with Coffer's auth methods.
                              Users can list, enable, disable, and tune different auth methods.

                              To authenticate to Coffer as a user or machine, use the "coffer login"
                              command instead. This command is for interacting with the auth methods
                              themselves, not authenticating to Coffer.

                              List all enabled auth methods:

                                  $ coffer auth list

                              Enable a new auth method "userpass";

                                  $ coffer auth enable userpass

                              Please see the individual subcommand help for detailed usage information.
                            """;
                    case "kv" -> """
                            Usage: coffer kv <subcommand> [options] [args]

                              This command has subcommands for interacting with Coffer's key-value
                              store. Here are some simple examples, and more detailed examples are
                              available in the subcommands or the documentation.

                              Create or update the key named "foo" in the "secret" mount with the value
                              "bar=baz":

                                  $ coffer kv put -mount=secret foo bar=baz

                              Read this value back:

                                  $ coffer kv get -mount=secret foo

                              Get metadata for the key:

                                  $ coffer kv metadata get -mount=secret foo

                              Get a specific version of the key:

                                  $ coffer kv get -mount=secret -version=1 foo

                              The deprecated path-like syntax can also be used, but this should be avoided
                              for KV v2, as the fact that it is not actually the full API path to
                              the secret (secret/data/foo) can cause confusion:

                                  $ coffer kv get secret/foo

                              Please see the individual subcommand help for detailed usage information.
                            """;
                    case "kv metadata" -> """
                            Usage: coffer kv metadata <subcommand> [options] [args]

                              This command has subcommands for interacting with the metadata endpoint in
                              Coffer's key-value store. Here are some simple examples, and more detailed
                              examples are available in the subcommands or the documentation.

                              Create or update a metadata entry for a key:

                                  $ coffer kv metadata put -mount=secret -max-versions=5 -delete-version-after=3h25m19s foo

                              Get the metadata for a key, this provides information about each existing
                              version:

                                  $ coffer kv metadata get -mount=secret foo

                              Delete a key and all existing versions:

                                  $ coffer kv metadata delete -mount=secret foo

                              Please see the individual subcommand help for detailed usage information.
                            """;
                    case "operator" -> """
                            Usage: coffer operator <subcommand> [options] [args]

                              This command groups subcommands for operators interacting with Coffer.
                              Most users will not need to interact with these commands. Here are a few
                              examples of the operator commands:

                              Initialize a new Coffer cluster:

                                  $ coffer operator init

                              Unseal a sealed server with one key share (prompts without echo):

                                  $ coffer operator unseal

                              Rotate Coffer's underlying encryption key:

                                  $ coffer operator rotate

                              Please see the individual subcommand help for detailed usage information.
                            """;
                    case "operator raft" -> """
                            Usage: coffer operator raft <subcommand> [options] [args]

                              This command groups subcommands for operators interacting with the Coffer
                              raft storage backend. Most users will not need to interact with these
                              commands. Here are a few examples of the raft operator commands:

                              Joins a node to the raft cluster:

                                  $ coffer operator raft join https://127.0.0.1:8200

                              Returns the set of raft peers:

                                  $ coffer operator raft list-peers

                              Removes a node from the raft cluster:

                                  $ coffer operator raft remove-peer node1

                              Restores and saves snapshots from the raft cluster:

                                  $ coffer operator raft snapshot save out.snap

                              Please see the individual subcommand help for detailed usage information.
                            """;
                    case "operator raft snapshot" -> """
                            Usage: coffer operator raft snapshot <subcommand> [options] [args]

                              This command groups subcommands for operators interacting with the snapshot
                              functionality of the integrated Raft storage backend. Here are a few examples
                              of the Raft snapshot operator commands:

                              Installs the provided snapshot, returning the cluster to the state defined in it:

                                  $ coffer operator raft snapshot restore raft.snap

                              Saves a snapshot of the current state of the Raft cluster into a file:

                                  $ coffer operator raft snapshot save raft.snap

                              Please see the individual subcommand help for detailed usage information.
                            """;
                    case "operator raft autopilot" -> """
                            Usage: coffer operator raft autopilot <subcommand> [options] [args]

                              This command groups subcommands for inspecting autopilot, which tracks the
                              health of the servers of the integrated Raft storage backend:

                                  $ coffer operator raft autopilot state

                              Please see the individual subcommand help for detailed usage information.
                            """;
                    case "policy" -> """
                            Usage: coffer policy <subcommand> [options] [args]

                              This command groups subcommands for interacting with policies. Users can
                              write, read, and list policies in Coffer.

                              List all enabled policies:

                                  $ coffer policy list

                              Create a policy named "my-policy" from contents on local disk:

                                  $ coffer policy write my-policy ./my-policy.hcl

                              Delete the policy named my-policy:

                                  $ coffer policy delete my-policy

                              Please see the individual subcommand help for detailed usage information.
                            """;
                    case "secrets" -> """
                            Usage: coffer secrets <subcommand> [options] [args]

                              This command groups subcommands for interacting with Coffer's secrets
                              engines. Each secret engine behaves differently. Please see the
                              documentation for more information.

                              List all enabled secrets engines:

                                  $ coffer secrets list

                              Enable a new secrets engine:

                                  $ coffer secrets enable database

                              Please see the individual subcommand help for detailed usage information.
                            """;
                    case "token" -> """
                            Usage: coffer token <subcommand> [options] [args]

                              This command groups subcommands for interacting with tokens. Users can
                              create, lookup, renew, and revoke tokens.

                              Create a new token:

                                  $ coffer token create

                              Revoke a token:

                                  $ coffer token revoke 96ddf4bc-d217-f3ba-f9bd-017055595017

                              Renew a token:

                                  $ coffer token renew 96ddf4bc-d217-f3ba-f9bd-017055595017

                              Please see the individual subcommand help for detailed usage information.
                            """;
                    default -> "Usage: coffer " + group + " <subcommand> [options] [args]\n";
                };
        return body.strip() + "\n\nSubcommands:\n" + listing(children(group));
    }

    /** The help printed by {@code coffer -help}. */
    public static String mainHelp() {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: coffer <command> [args]\n\n");
        sb.append("Common commands:\n");
        List<Entry> common = new ArrayList<>();
        for (String n : List.of("read", "write", "delete", "list", "login", "server", "status")) {
            for (Entry e : topLevel()) {
                if (e.name().equals(n)) {
                    common.add(e);
                }
            }
            for (Entry e : EXTERNAL) {
                if (e.name().equals(n)) {
                    common.add(e);
                }
            }
        }
        sb.append(listing(common));
        sb.append("\nOther commands:\n");
        List<Entry> other = new ArrayList<>();
        for (Entry e : topLevel()) {
            if (!common.contains(e)) {
                other.add(e);
            }
        }
        for (Entry e : EXTERNAL) {
            if (!common.contains(e)) {
                other.add(e);
            }
        }
        other.sort((a, b) -> a.name().compareTo(b.name()));
        sb.append(listing(other));
        return sb.toString().stripTrailing();
    }

    private static String listing(List<Entry> entries) {
        int longest = 0;
        for (Entry e : entries) {
            longest = Math.max(longest, e.name().length());
        }
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            sb.append("    ")
                    .append(e.name())
                    .append(" ".repeat(longest - e.name().length()))
                    .append("    ")
                    .append(e.synopsis())
                    .append('\n');
        }
        return sb.toString();
    }
}
