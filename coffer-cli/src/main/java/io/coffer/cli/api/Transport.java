package io.coffer.cli.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends one HTTP exchange. The production implementation is {@link JdkHttpTransport}; tests can
 * substitute a fake to check what the CLI sends without a server.
 *
 * <p>{@link #download} and {@link #upload} exist for bodies too large to hold in memory (Raft
 * snapshots). Their defaults buffer through {@link #exchange(RawRequest)}, which is enough for
 * fakes; {@link JdkHttpTransport} streams.
 */
public interface Transport {
    /**
     * Performs the request and returns the response, whatever its status.
     *
     * @throws IOException when no response could be obtained (connection refused, TLS failure...)
     */
    RawResponse exchange(RawRequest request) throws IOException;

    /**
     * Performs the request and copies a 2xx response body to {@code sink} as it arrives; the
     * returned response then has an empty body. Any other status leaves {@code sink} untouched and
     * returns the body in the response, for the error message.
     *
     * @throws IOException when no complete response could be obtained or {@code sink} failed
     */
    default RawResponse download(RawRequest request, OutputStream sink) throws IOException {
        RawResponse r = exchange(request);
        if (r.status() < 200 || r.status() >= 300) {
            return r;
        }
        sink.write(r.body());
        return new RawResponse(r.status(), null);
    }

    /**
     * Performs the request with the content of {@code body} as its request body (the request's own
     * body is ignored) and returns the response, whatever its status.
     *
     * @throws IOException when the file cannot be read or no response could be obtained
     */
    default RawResponse upload(RawRequest request, Path body) throws IOException {
        return exchange(
                new RawRequest(request.method(), request.uri(), request.headers(), Files.readAllBytes(body)));
    }
}
