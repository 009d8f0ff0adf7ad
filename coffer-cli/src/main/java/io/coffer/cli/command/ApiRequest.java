package io.coffer.cli.command;

import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.VaultClient;

/**
 * One call a command makes through the API client, as a lambda that {@link Requests} and
 * {@link ChangeStep} send and report on.
 *
 * @param <T> what the call answers: a {@link io.coffer.cli.api.Secret} or a raw JSON object
 */
@FunctionalInterface
public interface ApiRequest<T> {
    /** Makes the call. */
    T send(VaultClient client) throws ClientException;
}
