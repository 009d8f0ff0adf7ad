package io.coffer.cli.command;

import io.coffer.cli.api.ClientSettings;
import io.coffer.cli.api.Transport;
import io.coffer.cli.json.JsonReader;
import java.io.InputStream;
import java.util.function.Function;

/**
 * What a command runs against: environment, standard input, the {@link io.coffer.cli.output.Ui}
 * streams, a JSON decoder and the factory that creates the HTTP transport.
 *
 * @param terminal true when standard input and output are an interactive terminal
 * @param transports creates the transport for resolved settings (lazily, on first request)
 */
public record CliContext(
        Environment env,
        InputStream stdin,
        io.coffer.cli.output.Ui ui,
        boolean terminal,
        JsonReader json,
        Function<ClientSettings, Transport> transports) {}
