package io.coffer.builtin.harness;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.sdk.logical.Backend;
import io.coffer.sdk.logical.BackendConfig;
import io.coffer.sdk.logical.BackendFactory;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.LogicalException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Drives one mounted backend the way the router does: builds routed {@link Request}s on an
 * {@link InMemoryStorage} with a {@link MutableClock}. Request bodies are written as JSON with
 * single quotes for readability ({@code "{'data':{'a':'b'}}"}) and parsed as the HTTP edge would.
 */
public final class BackendHarness {
    /** Vault's system default lease TTL, 768h. */
    public static final Duration DEFAULT_LEASE_TTL = Duration.ofHours(768);
    /** The instant every harness clock starts at. */
    public static final Instant START = Instant.parse("2024-05-01T10:00:00.123456789Z");

    private final String mountPoint;
    private final InMemoryStorage storage = new InMemoryStorage();
    private final MutableClock clock = new MutableClock(START);
    private final ObjectMapper json = new ObjectMapper().configure(JsonParser.Feature.ALLOW_SINGLE_QUOTES, true);
    private final Backend backend;

    public BackendHarness(BackendFactory factory, String mountPoint, Map<String, String> options) {
        this.mountPoint = mountPoint;
        this.backend = factory.create(new BackendConfig(storage, mountPoint, options, DEFAULT_LEASE_TTL, clock));
        backend.initialize();
    }

    public Backend backend() {
        return backend;
    }

    public InMemoryStorage storage() {
        return storage;
    }

    public MutableClock clock() {
        return clock;
    }

    /** Sends {@code operation} on {@code relativePath} with fields {@code body} (JSON text, may be empty). */
    public Response send(Operation operation, String relativePath, String body) {
        return backend.handleRequest(request(operation, relativePath, body));
    }

    /** The existence check answer for {@code relativePath}. */
    public Optional<Boolean> exists(String relativePath) {
        return backend.exists(request(Operation.UPDATE, relativePath, ""));
    }

    /** Sends the request and returns the expected failure; fails the test if it succeeds. */
    public LogicalException failure(Operation operation, String relativePath, String body) {
        try {
            Response response = send(operation, relativePath, body);
            throw new AssertionError("expected a failure, got data " + response.data() + " status " + response.status());
        } catch (LogicalException e) {
            return e;
        }
    }

    public Response read(String path) {
        return send(Operation.READ, path, "");
    }

    public Response read(String path, String query) {
        return send(Operation.READ, path, query);
    }

    public Response write(String path, String body) {
        return send(Operation.UPDATE, path, body);
    }

    public Response patch(String path, String body) {
        return send(Operation.PATCH, path, body);
    }

    public Response delete(String path) {
        return send(Operation.DELETE, path, "");
    }

    public Response list(String path) {
        return send(Operation.LIST, path, "");
    }

    /** Parses single-quoted JSON into the mutable map an HTTP edge would hand over. */
    public Map<String, Object> json(String body) {
        if (body == null || body.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return json.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Request request(Operation operation, String relativePath, String body) {
        return Request.of(UUID.randomUUID().toString(), operation, mountPoint + relativePath, json(body))
                .routedTo(mountPoint, storage);
    }
}
