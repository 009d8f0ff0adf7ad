package io.coffer.builtin.auth.userpass;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.builtin.harness.BackendHarness;
import io.coffer.builtin.harness.InMemoryStorage;
import io.coffer.builtin.harness.MutableClock;
import io.coffer.sdk.logical.BackendConfig;
import io.coffer.sdk.logical.LoginResult;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.exception.LogicalException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One userpass mount at {@code auth/userpass/} on in-memory storage with a {@link MutableClock}
 * and a {@link CountingHasher} over cost-4 bcrypt, driven the way the router drives it. Bodies
 * are JSON with single quotes ({@code "{'password':'pw'}"}).
 */
final class UserpassFixture {
    static final String MOUNT = "auth/userpass/";
    static final int TEST_COST = 4;

    private final InMemoryStorage storage = new InMemoryStorage();
    private final MutableClock clock = new MutableClock(BackendHarness.START);
    private final CountingHasher hasher = new CountingHasher(new BcryptHasher(TEST_COST, new SecureRandom()));
    private final ObjectMapper json = new ObjectMapper().configure(JsonParser.Feature.ALLOW_SINGLE_QUOTES, true);
    private final UserpassBackend backend;

    UserpassFixture() {
        this(UserpassSettings.DEFAULT);
    }

    UserpassFixture(UserpassSettings settings) {
        BackendConfig config = new BackendConfig(storage, MOUNT, Map.of(), BackendHarness.DEFAULT_LEASE_TTL, clock);
        this.backend = new UserpassBackend(config, settings, hasher);
        backend.initialize();
    }

    UserpassBackend backend() {
        return backend;
    }

    InMemoryStorage storage() {
        return storage;
    }

    MutableClock clock() {
        return clock;
    }

    CountingHasher hasher() {
        return hasher;
    }

    Response send(Operation operation, String relativePath, String body, String remoteAddress) {
        return backend.handleRequest(request(operation, relativePath, body, remoteAddress));
    }

    Response write(String path, String body) {
        return send(Operation.UPDATE, path, body, "");
    }

    Response read(String path) {
        return send(Operation.READ, path, "", "");
    }

    Response list(String path) {
        return send(Operation.LIST, path, "", "");
    }

    Response delete(String path) {
        return send(Operation.DELETE, path, "", "");
    }

    Optional<Boolean> exists(String path) {
        return backend.exists(request(Operation.UPDATE, path, "", ""));
    }

    /** Creates {@code name} with {@code password} and the extra JSON members {@code extra} (may be empty). */
    void createUser(String name, String password, String extra) {
        String body = "{'password':'" + password + "'" + (extra.isEmpty() ? "" : "," + extra) + "}";
        write("users/" + name, body);
    }

    Response login(String name, String password) {
        return loginFrom(name, password, "127.0.0.1");
    }

    Response loginFrom(String name, String password, String remoteAddress) {
        return send(Operation.UPDATE, "login/" + name, "{'password':'" + password + "'}", remoteAddress);
    }

    /** The login a successful attempt reported. */
    LoginResult loginResult(String name, String password) {
        LoginResult result = login(name, password).login();
        if (result == null) {
            throw new AssertionError("login reported no LoginResult");
        }
        return result;
    }

    /** Runs the request and returns the expected failure; fails the test when it succeeds. */
    LogicalException failure(Operation operation, String relativePath, String body) {
        return failureFrom(operation, relativePath, body, "");
    }

    LogicalException failureFrom(Operation operation, String relativePath, String body, String remoteAddress) {
        try {
            Response r = send(operation, relativePath, body, remoteAddress);
            throw new AssertionError("expected a failure, got data " + r.data() + " login " + r.login());
        } catch (LogicalException e) {
            return e;
        }
    }

    LogicalException loginFailure(String name, String password) {
        return loginFailureFrom(name, password, "127.0.0.1");
    }

    LogicalException loginFailureFrom(String name, String password, String remoteAddress) {
        return failureFrom(Operation.UPDATE, "login/" + name, "{'password':'" + password + "'}", remoteAddress);
    }

    Map<String, Object> json(String body) {
        if (body == null || body.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return json.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a request routed with another storage view (a wrapper around {@link #storage()}). */
    Response sendVia(Storage view, Operation operation, String relativePath, String body, String remoteAddress) {
        return backend.handleRequest(new Request(UUID.randomUUID().toString(), operation, MOUNT + relativePath, MOUNT,
                json(body), Request.Caller.ANONYMOUS, view, remoteAddress));
    }

    private Request request(Operation operation, String relativePath, String body, String remoteAddress) {
        return new Request(UUID.randomUUID().toString(), operation, MOUNT + relativePath, MOUNT, json(body),
                Request.Caller.ANONYMOUS, storage, remoteAddress);
    }
}
