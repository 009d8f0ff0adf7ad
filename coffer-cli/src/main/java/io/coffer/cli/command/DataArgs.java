package io.coffer.cli.command;

import io.coffer.cli.input.KeyValueException;
import java.util.List;
import java.util.Map;

/**
 * The {@code K=V} arguments that follow a command's path argument, parsed as vault parses them;
 * bad input prints {@code "Failed to parse K=V data: ..."} and exits 1.
 */
public final class DataArgs {
    private DataArgs() {}

    /** The arguments after the first as a data object ({@code @file}, {@code -} and JSON allowed). */
    public static Map<String, Object> data(Invocation inv) throws ExitException {
        try {
            return inv.keyValues().parse(rest(inv));
        } catch (KeyValueException e) {
            throw failed(inv, e);
        }
    }

    /** The arguments after the first as query parameters. */
    public static Map<String, List<String>> query(Invocation inv) throws ExitException {
        try {
            return inv.keyValues().parseStringLists(rest(inv));
        } catch (KeyValueException e) {
            throw failed(inv, e);
        }
    }

    private static List<String> rest(Invocation inv) {
        return inv.args().subList(1, inv.args().size());
    }

    private static ExitException failed(Invocation inv, KeyValueException e) {
        return inv.fail(ExitCodes.USAGE, "Failed to parse K=V data: " + e.getMessage());
    }
}
