package io.coffer.cli.command.operator;

import io.coffer.cli.api.Secret;
import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.ParsedArgs;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.json.JsonStruct;
import io.coffer.cli.output.OutputFormat;
import io.coffer.cli.output.TextWrap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code coffer operator rekey}: replaces the unseal key shares (new count and threshold) with
 * vault's flow. {@code -init} starts a rekey (PUT {@code sys/rekey/init}), {@code -status} shows
 * it, {@code -cancel} discards it; otherwise one current share is submitted with the attempt's
 * nonce (PUT {@code sys/rekey/update}) from the argument, from standard input ({@code -}) or from
 * the hidden prompt. The answer that completes the rekey carries the new shares, printed as
 * vault prints them. Shares are never echoed.
 */
public final class OperatorRekeyCommand extends BaseCommand {
    /** Creates the command. */
    public OperatorRekeyCommand() {
        super(
                "operator rekey",
                "Generates new unseal keys",
                """
                Usage: coffer operator rekey [options] [KEY]

                  Generates a new set of unseal keys. This can optionally change the total
                  number of key shares or the required threshold of those key shares to
                  reconstruct the root key. This operation is zero downtime, but it requires
                  the Coffer is unsealed and a quorum of existing unseal keys are provided.

                  An unseal key may be provided directly on the command line as an argument to
                  the command. If key is specified as "-", the command will read from stdin. If
                  a TTY is available, the command will prompt for text.

                  Initialize a rekey:

                      $ coffer operator rekey \\
                          -init \\
                          -key-shares=15 \\
                          -key-threshold=9

                  Rekey and encrypt the resulting unseal keys with PGP:

                      $ coffer operator rekey \\
                          -init \\
                          -key-shares=3 \\
                          -key-threshold=2 \\
                          -pgp-keys="alice.asc,bob.asc,carol.asc"

                  Provide a current unseal key for the rekey in progress:

                      $ coffer operator rekey -nonce=NONCE -

                  Show the progress of the rekey in progress:

                      $ coffer operator rekey -status
                """,
                flagSpecs());
    }

    private static List<FlagSpec> flagSpecs() {
        List<FlagSpec> l = new ArrayList<>(StandardFlags.httpAndFormat());
        String s = StandardFlags.COMMON;
        l.add(FlagSpec.of(s, "init", FlagType.BOOL, Boolean.FALSE,
                "Initialize the rekeying operation. This can only be done if no rekeying operation is"
                        + " in progress. Customize the new number of key shares and key threshold using"
                        + " the -key-shares and -key-threshold flags."));
        l.add(FlagSpec.of(s, "cancel", FlagType.BOOL, Boolean.FALSE,
                "Reset the rekeying progress. This will discard any submitted unseal keys or"
                        + " configuration."));
        l.add(FlagSpec.of(s, "status", FlagType.BOOL, Boolean.FALSE,
                "Print the status of the current attempt without providing an unseal key."));
        l.addAll(ShareFlags.keySharesAndThreshold());
        l.add(FlagSpec.of(s, "nonce", FlagType.STRING, null,
                "Nonce value provided at initialization. The same nonce value must be provided with"
                        + " each unseal key."));
        l.add(FlagSpec.of(s, "target", FlagType.STRING, "barrier",
                "Target for rekeying. \"recovery\" only applies when HSM support is enabled."));
        l.add(FlagSpec.of(s, "verify", FlagType.BOOL, Boolean.FALSE,
                "Indicates that the action (-status, -cancel, or providing a key share) will be"
                        + " affecting verification for the current rekey attempt."));
        l.add(FlagSpec.of(s, "pgp-keys", FlagType.STRING, null,
                "Comma-separated list of paths to files on disk containing public PGP keys. When"
                        + " supplied, the generated unseal keys will be encrypted and base64-encoded in"
                        + " the order specified in this list."));
        l.add(FlagSpec.of("Backup Options", "backup", FlagType.BOOL, Boolean.FALSE,
                "Store a backup of the current PGP encrypted unseal keys in the server's core. Coffer"
                        + " does not support backups and refuses the request."));
        return l;
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        int n = inv.args().size();
        if (n > 1) {
            throw new UsageException("Too many arguments (expected 0-1, got " + n + ")");
        }
        ParsedArgs f = inv.flags();
        String target = f.string("target");
        String base = switch (target.strip().toLowerCase(Locale.ROOT)) {
            case "barrier" -> "sys/rekey";
            case "recovery", "hsm" -> "sys/rekey-recovery-key";
            default -> null;
        };
        if (base == null) {
            inv.ui().error("Unknown target: " + target);
            return ExitCodes.USAGE;
        }
        inv.client(); // as vault does: a bad address or token file is reported before a bad key file
        boolean verify = f.bool("verify");
        String statusPath = statusPath(base, verify);
        if (f.bool("cancel")) {
            Requests.send(inv, "Error canceling rekey: ", c -> c.delete(statusPath, null));
            inv.ui().output("Success! Canceled rekeying (if it was started)");
            return ExitCodes.OK;
        }
        if (f.bool("init")) {
            return init(inv, base);
        }
        if (f.bool("status")) {
            return status(inv, base, verify);
        }
        Map<String, Object> before =
                Requests.send(inv, "Error getting rekey status: ", c -> c.getRawJson(statusPath));
        return provide(inv, base, verify, before, n == 1 ? inv.args().get(0).strip() : "");
    }

    /** The attempt's status endpoint, which {@code -cancel} also deletes. */
    private static String statusPath(String base, boolean verify) {
        return base + (verify ? "/verify" : "/init");
    }

    private static int init(Invocation inv, String base)
            throws UsageException, ClientSetupException, ExitException {
        ParsedArgs f = inv.flags();
        List<String> pgpKeys = PgpFlags.list(inv, "pgp-keys");
        JsonStruct body = new JsonStruct()
                .put("secret_shares", f.longValue("key-shares"))
                .put("secret_threshold", f.longValue("key-threshold"))
                .put("stored_shares", 0L)
                .put("pgp_keys", pgpKeys)
                .put("backup", f.bool("backup"))
                .put("require_verification", f.bool("verify"));
        Map<String, Object> status = Requests.send(
                inv, "Error initializing rekey: ", c -> c.putRawJson(base + "/init", body));
        if (pgpKeys == null && inv.format() == OutputFormat.TABLE) {
            inv.ui().warn(TextWrap.wrap("WARNING! If you lose the keys after they are returned, there is no"
                    + " recovery. Consider canceling this operation and re-initializing with the -pgp-keys"
                    + " flag to protect the returned unseal keys."));
            inv.ui().output("");
        }
        new RekeyOutput(inv.ui(), inv.format()).status(status);
        return ExitCodes.OK;
    }

    private static int status(Invocation inv, String base, boolean verify)
            throws ClientSetupException, ExitException {
        String path = statusPath(base, verify);
        Map<String, Object> s =
                Requests.send(inv, "Error reading rekey status: ", c -> c.getRawJson(path));
        RekeyOutput out = new RekeyOutput(inv.ui(), inv.format());
        if (verify) {
            out.verificationStatus(s);
        } else {
            out.status(s);
        }
        return ExitCodes.OK;
    }

    /** Submits one key share; {@code before} is the status of the attempt it belongs to. */
    private static int provide(
            Invocation inv, String base, boolean verify, Map<String, Object> before, String key)
            throws ClientSetupException, ExitException {
        if (!Boolean.TRUE.equals(before.get("started"))) {
            inv.ui().error(TextWrap.wrap("No rekey is in progress. Start a rekey process by running"
                    + " \"coffer operator rekey -init\"."));
            return ExitCodes.USAGE;
        }
        String nonce = inv.flags().string("nonce");
        try {
            if (KeyShareInput.isStdin(key)) {
                key = KeyShareInput.fromStdin(inv);
            } else if (key.isEmpty()) {
                nonce = Secret.string(before.get("nonce"));
                inv.ui().print("Rekey operation nonce: " + nonce + "\n");
                key = KeyShareInput.prompt(inv);
            }
        } catch (IOException e) {
            inv.ui().error(TextWrap.wrap("An error occurred attempting to ask for the unseal key. The raw"
                    + " error message is shown below, but usually this is because you attempted to pipe a"
                    + " value into the command or you are executing outside of a terminal (tty). If you"
                    + " want to pipe the value, pass \"-\" as the argument to read from stdin. The raw"
                    + " error was: " + e.getMessage()));
            return ExitCodes.USAGE;
        }
        if (nonce.isEmpty()) {
            inv.ui().error("Missing nonce value: specify it via the -nonce flag");
            return ExitCodes.USAGE;
        }
        JsonStruct share = new JsonStruct().put("key", key).put("nonce", nonce);
        String path = base + (verify ? "/verify" : "/update");
        Map<String, Object> resp =
                Requests.send(inv, "Error posting unseal key: ", c -> c.putRawJson(path, share));
        if (!Boolean.TRUE.equals(resp.get("complete"))) {
            return status(inv, base, verify);
        }
        if (verify) {
            inv.ui().output(TextWrap.wrap("Rekey verification successful. The rekey operation is complete"
                    + " and the new keys are now active."));
            return ExitCodes.OK;
        }
        new RekeyOutput(inv.ui(), inv.format()).newKeys(before, resp);
        if (inv.format() == OutputFormat.TABLE && Boolean.TRUE.equals(before.get("verification_required"))) {
            return status(inv, base, true);
        }
        return ExitCodes.OK;
    }
}
