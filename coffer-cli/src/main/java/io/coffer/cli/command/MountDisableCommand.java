package io.coffer.cli.command;

/**
 * A command that disables one mount of a mount table, as vault's {@code auth disable} and {@code
 * secrets disable} do: its one argument is the mount's path (not its type), sent as DELETE {@code
 * <table>/<path>/}; a mount that does not exist is no error. Subclasses give only their texts.
 */
public abstract class MountDisableCommand extends BaseCommand {
    private final String table;
    private final String noun;

    /**
     * @param table the mount table's API path with a trailing slash, such as {@code sys/auth/}
     * @param noun what a mount is called in the output, such as {@code auth method}
     */
    protected MountDisableCommand(String name, String synopsis, String help, String table, String noun) {
        super(name, synopsis, help, StandardFlags.http());
        this.table = table;
        this.noun = noun;
    }

    @Override
    public final int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(1, 1);
        String path = ensureTrailingSlash(sanitizePath(inv.args().get(0)));
        String error = "Error disabling " + noun + " at " + path + ": ";
        Requests.send(inv, error, c -> c.delete(table + path, null));
        inv.ui().output("Success! Disabled the " + noun + " (if it existed) at: " + path);
        return ExitCodes.OK;
    }
}
