package io.coffer.cli.api;

import java.io.IOException;

/**
 * Sends one HTTP exchange. The production implementation is {@link JdkHttpTransport}; tests can
 * substitute a fake to check what the CLI sends without a server.
 */
public interface Transport {
    /**
     * Performs the request and returns the response, whatever its status.
     *
     * @throws IOException when no response could be obtained (connection refused, TLS failure...)
     */
    RawResponse exchange(RawRequest request) throws IOException;
}
