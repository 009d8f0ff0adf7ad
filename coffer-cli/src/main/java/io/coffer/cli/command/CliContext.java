package io.coffer.cli.command;

import io.coffer.cli.api.ClientSettings;
import io.coffer.cli.api.Transport;
import io.coffer.cli.input.SecretPrompt;
import io.coffer.cli.json.JsonReader;
import java.io.InputStream;
import java.util.function.Function;

/**
 * What a command runs against: environment, standard input, the {@link io.coffer.cli.output.Ui}
 * streams, a JSON decoder, the factory that creates the HTTP transport and the prompt for secrets.
 *
 * @param terminal true when standard input and output are an interactive terminal
 * @param transports creates the transport for resolved settings (lazily, on first request)
 * @param prompt asks for secrets (unseal key shares) without echo when a terminal allows it
 */
public record CliContext(
        Environment env,
        InputStream stdin,
        io.coffer.cli.output.Ui ui,
        boolean terminal,
        JsonReader json,
        Function<ClientSettings, Transport> transports,
        SecretPrompt prompt) {}
