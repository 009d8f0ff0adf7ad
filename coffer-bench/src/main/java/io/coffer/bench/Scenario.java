package io.coffer.bench;

import java.util.List;
import java.util.Objects;

/**
 * One benchmark workload: a name for the report, the server it targets, the pre-encoded
 * requests each client thread cycles through (each thread starting at a different offset), and
 * what makes a response a success. Immutable and shareable between threads.
 *
 * @param name report name, e.g. {@code kv-read}
 * @param endpoint where the requests go
 * @param requests at least one request
 * @param check what counts as a success (see {@link ResponseCheck})
 */
public record Scenario(String name, HttpEndpoint endpoint, List<EncodedRequest> requests, ResponseCheck check) {

    /** Validates and copies the request list. */
    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(check, "check");
        requests = List.copyOf(requests);
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one request");
        }
    }

    /** A scenario where any 2xx answer is a success. */
    public Scenario(String name, HttpEndpoint endpoint, List<EncodedRequest> requests) {
        this(name, endpoint, requests, ResponseCheck.ANY_2XX);
    }

    /** The request thread {@code client} of {@code clients} sends first. */
    int firstIndexFor(int client, int clients) {
        return (int) ((long) requests.size() * client / clients);
    }
}
