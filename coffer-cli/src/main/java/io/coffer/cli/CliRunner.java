package io.coffer.cli;

import io.coffer.cli.command.ArgParser;
import io.coffer.cli.command.CliCommand;
import io.coffer.cli.command.CliContext;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.HelpRenderer;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.ParsedArgs;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.output.Ui;
import java.util.List;

/**
 * Dispatches a command line: finds the longest matching command ({@code kv metadata get} before
 * {@code kv}), prints help for {@code -h}/{@code -help}/{@code --help} and for bare groups,
 * parses flags and runs the command, mapping failures to exit codes (1 usage, 2 server/API).
 */
public final class CliRunner {
    private final CliContext ctx;

    /** Creates a runner for one context (streams, environment, transport factory). */
    public CliRunner(CliContext ctx) {
        this.ctx = ctx;
    }

    /** Runs the command line and returns the exit code. */
    public int run(List<String> args) {
        Ui ui = ctx.ui();
        if (args.isEmpty()) {
            ui.error(CommandCatalog.mainHelp());
            return ExitCodes.USAGE;
        }
        String first = args.get(0);
        if (isHelpFlag(first)) {
            ui.output(CommandCatalog.mainHelp());
            return ExitCodes.OK;
        }
        if (first.equals("-v") || first.equals("-version") || first.equals("--version")) {
            return run(List.of("version"));
        }
        for (CommandCatalog.Entry external : CommandCatalog.EXTERNAL) {
            if (external.name().equals(first)) {
                ui.error(
                        "The \""
                                + first
                                + "\" command is not part of the Coffer CLI client. Run it through the coffer"
                                + " launcher (./coffer "
                                + first
                                + " ...), which starts it from its own module.");
                return ExitCodes.USAGE;
            }
        }
        for (int words = Math.min(4, args.size()); words >= 1; words--) {
            String name = String.join(" ", args.subList(0, words));
            CliCommand command = CommandCatalog.create(name);
            if (command != null) {
                return runCommand(command, args.subList(words, args.size()));
            }
        }
        for (int words = Math.min(3, args.size()); words >= 1; words--) {
            String group = String.join(" ", args.subList(0, words));
            if (CommandCatalog.isGroup(group)) {
                List<String> rest = args.subList(words, args.size());
                if (!rest.isEmpty() && isHelpFlag(rest.get(0))) {
                    ui.output(CommandCatalog.groupHelp(group));
                    return ExitCodes.OK;
                }
                if (!rest.isEmpty()) {
                    ui.error("Unknown subcommand \"" + group + " " + rest.get(0) + "\".\n");
                }
                ui.error(CommandCatalog.groupHelp(group));
                return ExitCodes.USAGE;
            }
        }
        ui.error(
                "Unknown command \""
                        + first
                        + "\". Run \"coffer -help\" for the list of commands.\n\n"
                        + CommandCatalog.mainHelp());
        return ExitCodes.USAGE;
    }

    private int runCommand(CliCommand command, List<String> args) {
        Ui ui = ctx.ui();
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            if (isHelpFlag(a)) {
                ui.output(HelpRenderer.render(command));
                return ExitCodes.OK;
            }
        }
        try {
            ParsedArgs parsed = ArgParser.parse(command.flags(), args);
            return command.run(new Invocation(ctx, parsed));
        } catch (UsageException e) {
            ui.error(e.getMessage());
            return ExitCodes.USAGE;
        } catch (ClientSetupException e) {
            ui.error(e.getMessage());
            return ExitCodes.API;
        } catch (ExitException e) {
            return e.exitCode();
        } catch (RuntimeException e) {
            ui.error("Error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCodes.USAGE;
        }
    }

    private static boolean isHelpFlag(String a) {
        return a.equals("-h") || a.equals("-help") || a.equals("--help");
    }
}
