package io.coffer.cli.command.operator;

import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.VaultClient;
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
import io.coffer.cli.json.GoJson;
import io.coffer.cli.json.JsonStruct;
import io.coffer.cli.output.OutputFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code coffer operator init}: initialises a server with Shamir key shares, as {@code vault
 * operator init} does. It reads {@code sys/seal-status} first (recovery seals keep the recovery
 * flags, Shamir seals send explicit zeros for them), then PUTs {@code sys/init} and prints the
 * shares and root token: vault's text, or with {@code -format=json} vault's renamed fields
 * ({@code unseal_keys_b64}, {@code unseal_keys_hex}, ..., {@code root_token}). {@code -status}
 * asks {@code sys/init} only and exits 0 when initialised, 2 when not, 1 on error.
 */
public final class OperatorInitCommand extends BaseCommand {
    static final long DEFAULT_KEY_SHARES = 5;
    static final long DEFAULT_KEY_THRESHOLD = 3;
    private static final String AUTO_UNSEAL = "Auto Unseal Options";

    /** Creates the command. */
    public OperatorInitCommand() {
        super(
                "operator init",
                "Initializes a server",
                """
                Usage: coffer operator init [options]

                  Initializes a Coffer server. Initialization is the process by which Coffer's
                  storage backend is prepared to receive data. Since Coffer servers share the
                  same storage backend in HA mode, you only need to initialize one Coffer to
                  initialize the storage backend.

                  During initialization, Coffer generates an in-memory root key and applies
                  Shamir's secret sharing algorithm to disassemble that root key into a
                  configuration number of key shares such that a configurable subset of those
                  key shares must come together to regenerate the root key. These keys are
                  often called "unseal keys" in Coffer's documentation.

                  This command cannot be run against an already-initialized Coffer cluster.

                  Start initialization with the default options:

                      $ coffer operator init

                  Initialize, but encrypt the unseal keys with pgp keys:

                      $ coffer operator init \\
                          -key-shares=3 \\
                          -key-threshold=2 \\
                          -pgp-keys="alice.asc,bob.asc,carol.asc"

                  Encrypt the initial root token using a pgp key:

                      $ coffer operator init -root-token-pgp-key="ops.asc"
                """,
                flagSpecs());
    }

    private static List<FlagSpec> flagSpecs() {
        List<FlagSpec> l = new ArrayList<>(StandardFlags.httpAndFormat());
        String s = StandardFlags.COMMON;
        l.add(FlagSpec.of(s, "status", FlagType.BOOL, Boolean.FALSE,
                "Print the current initialization status. An exit code of 0 means the Coffer is"
                        + " already initialized. An exit code of 1 means an error occurred. An exit"
                        + " code of 2 means the Coffer is not initialized."));
        l.addAll(ShareFlags.keySharesAndThreshold());
        l.add(FlagSpec.of(s, "pgp-keys", FlagType.STRING, null,
                "Comma-separated list of paths to files on disk containing public PGP keys. When"
                        + " supplied, the generated unseal keys will be encrypted and base64-encoded"
                        + " in the order specified in this list. The number of entries must match"
                        + " -key-shares."));
        l.add(FlagSpec.of(s, "root-token-pgp-key", FlagType.STRING, null,
                "Path to a file on disk containing a binary or base64-encoded public PGP key. When"
                        + " supplied, the generated root token will be encrypted and base64-encoded"
                        + " with the given public key."));
        l.add(FlagSpec.of(AUTO_UNSEAL, "recovery-shares", FlagType.INT, DEFAULT_KEY_SHARES,
                "Number of key shares to split the recovery key into. This is only used in Auto"
                        + " Unseal mode."));
        l.add(FlagSpec.of(AUTO_UNSEAL, "recovery-threshold", FlagType.INT, DEFAULT_KEY_THRESHOLD,
                "Number of key shares required to reconstruct the recovery key. This is only used"
                        + " in Auto Unseal mode."));
        l.add(FlagSpec.of(AUTO_UNSEAL, "recovery-pgp-keys", FlagType.STRING, null,
                "Behaves like -pgp-keys, but for the recovery key shares. This is only used in Auto"
                        + " Unseal mode."));
        return l;
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(0, 0);
        ParsedArgs f = inv.flags();
        VaultClient client = inv.client();
        if (f.bool("status")) {
            return status(inv, client);
        }
        InitRequest fromFlags = new InitRequest(
                f.longValue("key-shares"),
                f.longValue("key-threshold"),
                PgpFlags.list(inv, "pgp-keys"),
                PgpFlags.single(inv, "root-token-pgp-key"),
                f.longValue("recovery-shares"),
                f.longValue("recovery-threshold"),
                PgpFlags.list(inv, "recovery-pgp-keys"));
        Map<String, Object> seal = Requests.send(inv, "", c -> c.getRawJson("sys/seal-status"));
        InitRequest req =
                Boolean.TRUE.equals(seal.get("recovery_seal")) ? fromFlags : fromFlags.forShamirSeal();
        Map<String, Object> resp =
                Requests.send(inv, "Error initializing: ", c -> c.putRawJson("sys/init", req.body()));
        InitOutput out = new InitOutput(req, resp);
        if (inv.format() == OutputFormat.JSON) {
            inv.ui().output(GoJson.marshalIndent(out.machineJson()));
        } else {
            out.printTable(inv.ui());
        }
        return ExitCodes.OK;
    }

    private static int status(Invocation inv, VaultClient client) {
        Map<String, Object> s;
        try {
            s = client.getRawJson("sys/init");
        } catch (ClientException e) {
            inv.ui().error("Error checking init status: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        boolean initialized = Boolean.TRUE.equals(s.get("initialized"));
        if (inv.format() == OutputFormat.JSON) {
            inv.ui().output(GoJson.marshalIndent(new JsonStruct().put("Initialized", initialized)));
        } else {
            inv.ui().output(initialized ? "Vault is initialized" : "Vault is not initialized");
        }
        return initialized ? ExitCodes.OK : ExitCodes.API;
    }
}
