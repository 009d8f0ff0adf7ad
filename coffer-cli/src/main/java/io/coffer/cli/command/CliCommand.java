package io.coffer.cli.command;

import java.util.List;

/**
 * One leaf command ({@code kv get}, {@code token create}, ...): its help, its flags and its
 * behaviour.
 *
 * <p>Implementations are small and stateless apart from what {@link #run(Invocation)} receives;
 * they return one of {@link ExitCodes}.
 */
public interface CliCommand {
    /** The command's full name, e.g. {@code kv get}. */
    String name();

    /** One-line description for command listings. */
    String synopsis();

    /**
     * Help text before the flag list: the usage line, a description and examples (the leading
     * {@code Usage: coffer ...} line included).
     */
    String help();

    /** Every flag the command accepts, standard groups included. */
    List<FlagSpec> flags();

    /**
     * Runs the command.
     *
     * @return the exit code
     * @throws UsageException when the arguments are wrong (printed, exit 1)
     * @throws ClientSetupException when no API client can be built (printed, exit 2)
     * @throws ExitException when the command ends early, having printed why
     */
    int run(Invocation inv) throws UsageException, ClientSetupException, ExitException;
}
