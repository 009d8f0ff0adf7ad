package io.coffer.cli.command;

import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.Secret;
import java.util.List;
import java.util.Map;

/**
 * The request steps commands share: send one API call and, when it fails, print vault's error
 * line ({@code <prefix><error>}) and end the command with exit code 2.
 */
public final class Requests {
    private Requests() {}

    /** Sends the call and returns its answer; a failure prints {@code errorPrefix} and the error. */
    public static <T> T send(Invocation inv, String errorPrefix, ApiRequest<T> request)
            throws ClientSetupException, ExitException {
        try {
            return request.send(inv.client());
        } catch (ClientException e) {
            throw inv.fail(ExitCodes.API, errorPrefix + e.getMessage());
        }
    }

    /**
     * Sends a call that must answer with a secret: a failure prints {@code "<what>: <error>"},
     * an empty answer {@code "<what>: empty response from server"}.
     */
    public static Secret sendForAnswer(Invocation inv, String what, ApiRequest<Secret> request)
            throws ClientSetupException, ExitException {
        Secret secret = send(inv, what + ": ", request);
        if (secret == null) {
            throw inv.fail(ExitCodes.API, what + ": empty response from server");
        }
        return secret;
    }

    /**
     * Reads a secret: a failure prints {@code "Error reading <path>: <error>"}, a miss {@code "No
     * value found at <path>"}.
     */
    public static Secret readExisting(Invocation inv, String path, Map<String, List<String>> params)
            throws ClientSetupException, ExitException {
        Secret secret = send(inv, "Error reading " + path + ": ", c -> c.read(path, params));
        if (secret == null) {
            throw inv.fail(ExitCodes.API, "No value found at " + path);
        }
        return secret;
    }
}
