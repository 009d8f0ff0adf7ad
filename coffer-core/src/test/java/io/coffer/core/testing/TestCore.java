package io.coffer.core.testing;

import io.coffer.builtin.BuiltinRegistry;
import io.coffer.core.Core;
import io.coffer.core.physical.InmemBackend;
import io.coffer.core.seal.InitResult;
import io.coffer.sdk.logical.Auth;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real {@link Core} on in-memory storage with the standard engines, initialised with one
 * key share and unsealed, plus shorthands for driving logical requests the way the HTTP edge
 * does ({@code core.handle(request, token)}).
 */
public final class TestCore {
    private final SteppingClock clock = new SteppingClock();
    private final Core core = new Core(new InmemBackend(), BuiltinRegistry.standard(), clock, new SecureRandom());
    private final byte[] share;
    private final String rootToken;

    /** Initialises a fresh core with {@code initialize(1, 1)} and unseals it with the one share. */
    public TestCore() {
        InitResult init = core.initialize(1, 1);
        this.share = init.shares().get(0);
        this.rootToken = init.rootToken();
        core.unseal(share);
    }

    /** The core under test, for seal and unseal calls. */
    public Core core() {
        return core;
    }

    /** The clock the core runs on; moving it ages tokens. */
    public SteppingClock clock() {
        return clock;
    }

    /** The initial root token. */
    public String root() {
        return rootToken;
    }

    /** A copy of the single unseal key. */
    public byte[] share() {
        return share.clone();
    }

    /** Handles {@code operation} on {@code path} with {@code data} for the bearer of {@code token}. */
    public Response handle(Operation operation, String path, Map<String, ?> data, String token) {
        return core.handle(Request.of(UUID.randomUUID().toString(), operation, path, new HashMap<>(data)), token);
    }

    /** A read ({@code GET}). */
    public Response read(String path, String token) {
        return handle(Operation.READ, path, Map.of(), token);
    }

    /** A write ({@code POST}/{@code PUT}): an update, which the pipeline may turn into a create. */
    public Response write(String path, Map<String, ?> data, String token) {
        return handle(Operation.UPDATE, path, data, token);
    }

    /** A list ({@code LIST}). */
    public Response list(String path, String token) {
        return handle(Operation.LIST, path, Map.of(), token);
    }

    /** A delete ({@code DELETE}). */
    public Response delete(String path, String token) {
        return handle(Operation.DELETE, path, Map.of(), token);
    }

    /** Writes policy {@code name} as root through {@code sys/policies/acl}. */
    public void putPolicy(String name, String hcl) {
        write("sys/policies/acl/" + name, Map.of("policy", hcl), rootToken);
    }

    /** Enables a KV version 2 engine at {@code path} as root. */
    public void enableKv2(String path) {
        write("sys/mounts/" + path, Map.of("type", "kv", "options", Map.of("version", "2")), rootToken);
    }

    /** Creates a child of the root token with {@code policies} and {@code extra} create fields. */
    public Auth createToken(List<String> policies, Map<String, ?> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("policies", policies);
        return write("auth/token/create", body, rootToken).auth();
    }

    /** Creates a child of the root token with {@code policies} and returns its id. */
    public String token(String... policies) {
        return createToken(List.of(policies), Map.of()).clientToken();
    }

    /** {@code path "<path>" { capabilities = [...] }} in HCL. */
    public static String rule(String path, String... capabilities) {
        StringBuilder b = new StringBuilder("path \"").append(path).append("\" { capabilities = [");
        for (int i = 0; i < capabilities.length; i++) {
            b.append(i == 0 ? "" : ", ").append('"').append(capabilities[i]).append('"');
        }
        return b.append("] }\n").toString();
    }
}
