package io.coffer.cli.command;

import java.util.ArrayList;
import java.util.List;

/**
 * The flag groups shared by commands, as in vault: HTTP options (address, TLS, namespace),
 * output options ({@code -format}) and the {@code -field} option.
 */
public final class StandardFlags {
    public static final String HTTP = "HTTP Options";
    public static final String OUTPUT = "Output Options";
    public static final String COMMON = "Common Options";
    public static final String COMMAND = "Command Options";

    private StandardFlags() {}

    /** HTTP options: -address, -ca-cert, -ca-path, -namespace, -tls-skip-verify, ... */
    public static List<FlagSpec> http() {
        List<FlagSpec> l = new ArrayList<>();
        l.add(
                FlagSpec.of(
                        HTTP,
                        "address",
                        FlagType.STRING,
                        null,
                        "Address of the Coffer server. The default is https://127.0.0.1:8200. This can also"
                                + " be specified via the VAULT_ADDR environment variable."));
        l.add(
                FlagSpec.of(
                        HTTP,
                        "ca-cert",
                        FlagType.STRING,
                        null,
                        "Path on the local disk to a single PEM-encoded CA certificate to verify the"
                                + " server's SSL certificate. This takes precedence over -ca-path. This can also"
                                + " be specified via the VAULT_CACERT environment variable."));
        l.add(
                FlagSpec.of(
                        HTTP,
                        "ca-path",
                        FlagType.STRING,
                        null,
                        "Path on the local disk to a directory of PEM-encoded CA certificates to verify the"
                                + " server's SSL certificate. This can also be specified via the VAULT_CAPATH"
                                + " environment variable."));
        l.add(
                FlagSpec.of(
                                HTTP,
                                "namespace",
                                FlagType.STRING,
                                null,
                                "The namespace to use for the command. Setting this is not necessary but allows"
                                        + " using relative paths. This can also be specified via the VAULT_NAMESPACE"
                                        + " environment variable.")
                        .withAliases("ns"));
        l.add(
                FlagSpec.of(
                        HTTP,
                        "non-interactive",
                        FlagType.BOOL,
                        Boolean.FALSE,
                        "When set true, prevents asking the user for input via the terminal."));
        l.add(
                FlagSpec.of(
                        HTTP,
                        "tls-skip-verify",
                        FlagType.BOOL,
                        Boolean.FALSE,
                        "Disable verification of TLS certificates. Using this option is highly discouraged"
                                + " as it decreases the security of data transmissions to and from the server."
                                + " The default is false. This can also be specified via the VAULT_SKIP_VERIFY"
                                + " environment variable."));
        return l;
    }

    /** The -format flag. */
    public static FlagSpec format() {
        return FlagSpec.of(
                OUTPUT,
                "format",
                FlagType.STRING,
                null,
                "Print the output in the given format. Valid formats are \"table\" or \"json\". The"
                        + " default is table. This can also be specified via the VAULT_FORMAT environment"
                        + " variable.");
    }

    /** The -field flag. */
    public static FlagSpec field() {
        return FlagSpec.of(
                OUTPUT,
                "field",
                FlagType.STRING,
                null,
                "Print only the field with the given name. Specifying this option will take precedence"
                        + " over other formatting directives. The result will not have a trailing newline"
                        + " making it ideal for piping to other processes.");
    }

    /** HTTP options plus -format. */
    public static List<FlagSpec> httpAndFormat() {
        List<FlagSpec> l = http();
        l.add(format());
        return l;
    }

    /** HTTP options plus -field and -format. */
    public static List<FlagSpec> httpFieldAndFormat() {
        List<FlagSpec> l = http();
        l.add(field());
        l.add(format());
        return l;
    }

    /** Returns {@code base} followed by {@code extra}. */
    public static List<FlagSpec> plus(List<FlagSpec> base, FlagSpec... extra) {
        List<FlagSpec> l = new ArrayList<>(base);
        l.addAll(List.of(extra));
        return l;
    }
}
