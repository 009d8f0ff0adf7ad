package io.coffer.cli;

import io.coffer.cli.api.RawRequest;
import io.coffer.cli.api.RawResponse;
import io.coffer.cli.api.Transport;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scripted {@link Transport} for tests: answers "METHOD /v1/path?query" keys from queued
 * responses (the last one repeats), records every request, and answers 404 {"errors":[]}
 * otherwise.
 */
public final class FakeTransport implements Transport {
    private final Map<String, Deque<RawResponse>> responses = new HashMap<>();
    private final List<RawRequest> requests = new ArrayList<>();
    private boolean refuseConnections;

    /** Queues a JSON response for {@code "GET /v1/secret/data/foo"} style keys. */
    public FakeTransport on(String key, int status, String json) {
        responses
                .computeIfAbsent(key, k -> new ArrayDeque<>())
                .add(new RawResponse(status, json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** Makes every exchange fail as if nothing listened on the port. */
    public FakeTransport refuse() {
        refuseConnections = true;
        return this;
    }

    public List<RawRequest> requests() {
        return requests;
    }

    /** The request line of each request, e.g. {@code GET /v1/sys/seal-status}. */
    public List<String> requestLines() {
        List<String> out = new ArrayList<>();
        for (RawRequest r : requests) {
            out.add(r.method() + " " + pathAndQuery(r));
        }
        return out;
    }

    /** The body of the n-th request as text ("" for none). */
    public String body(int n) {
        byte[] b = requests.get(n).body();
        return b == null ? "" : new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public RawResponse exchange(RawRequest request) throws IOException {
        requests.add(request);
        if (refuseConnections) {
            throw new ConnectException();
        }
        String key = request.method() + " " + pathAndQuery(request);
        Deque<RawResponse> q = responses.get(key);
        if (q == null) {
            q = responses.get(request.method() + " " + request.uri().getRawPath());
        }
        if (q == null || q.isEmpty()) {
            return new RawResponse(404, "{\"errors\":[]}".getBytes(StandardCharsets.UTF_8));
        }
        return q.size() > 1 ? q.poll() : q.peek();
    }

    private static String pathAndQuery(RawRequest r) {
        String q = r.uri().getRawQuery();
        return r.uri().getRawPath() + (q == null ? "" : "?" + q);
    }
}
