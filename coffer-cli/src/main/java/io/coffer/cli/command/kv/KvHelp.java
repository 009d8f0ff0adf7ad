package io.coffer.cli.command.kv;

/**
 * The help paragraphs the kv commands share, in vault's wording: the note on the deprecated
 * path-like syntax, the ways {@code put} and {@code patch} take data, and the closing line.
 * Paragraphs end with the blank line that separates them from the next.
 */
final class KvHelp {
    /** The closing line of every kv command's help. */
    static final String MORE = "  Additional flags and more advanced use cases are detailed below.\n";

    private KvHelp() {}

    /**
     * The note on the deprecated {@code <mount>/<key>} syntax for a command that works on KV
     * version 2 only, with the example {@code coffer kv <example>}.
     *
     * @param apiPrefix the API path segment the command adds ({@code data}, {@code metadata})
     */
    static String pathSyntax(String apiPrefix, String example) {
        return "  The deprecated path-like syntax can also be used, but this should be avoided,\n"
                + "  as"
                + pathSyntaxRest(apiPrefix, example);
    }

    /** Like {@link #pathSyntax}, for a command that works on both KV versions ("for KV v2"). */
    static String pathSyntaxForV2(String apiPrefix, String example) {
        return "  The deprecated path-like syntax can also be used, but this should be avoided\n"
                + "  for KV v2, as"
                + pathSyntaxRest(apiPrefix, example);
    }

    private static String pathSyntaxRest(String apiPrefix, String example) {
        return " the fact that it is not actually the full API path to\n"
                + "  the secret (secret/" + apiPrefix + "/foo) can cause confusion:\n"
                + "\n"
                + "      $ coffer kv " + example + "\n"
                + "\n";
    }

    /** The paragraphs on data from a file or stdin and on {@code -cas}, for {@code kv <command>}. */
    static String dataInput(String command) {
        return """
                  The data can also be consumed from a file on disk by prefixing with the "@"
                  symbol. For example:

                      $ coffer kv %1$s -mount=secret foo @data.json

                  Or it can be read from stdin using the "-" symbol:

                      $ echo "abcd1234" | coffer kv %1$s -mount=secret foo bar=-

                  To perform a Check-And-Set operation, specify the -cas flag with the
                  appropriate version number corresponding to the key you want to perform
                  the CAS operation on:

                      $ coffer kv %1$s -mount=secret -cas=1 foo bar=baz

                """.formatted(command);
    }
}
