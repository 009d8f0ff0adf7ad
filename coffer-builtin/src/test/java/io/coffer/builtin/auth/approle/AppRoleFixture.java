package io.coffer.builtin.auth.approle;

import io.coffer.builtin.harness.BackendHarness;
import io.coffer.sdk.logical.LoginResult;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.LogicalException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An AppRole mount on the in-memory harness, with helpers for roles, secret IDs and logins. */
final class AppRoleFixture {
    static final String MOUNT = "auth/approle/";
    static final String CLIENT = "10.1.2.3";

    final BackendHarness h = new BackendHarness(new AppRoleBackendFactory(), MOUNT, Map.of());

    Response write(String path, String body) {
        return h.write(path, body);
    }

    Response read(String path) {
        return h.read(path);
    }

    LogicalException failure(Operation operation, String path, String body) {
        return h.failure(operation, path, body);
    }

    /** The role ID of {@code role}. */
    String roleId(String role) {
        return (String) h.read("role/" + role + "/role-id").data().get("role_id");
    }

    /** Generates a secret ID against {@code role} with {@code body}; returns the response data. */
    Map<String, Object> generate(String role, String body) {
        return h.write("role/" + role + "/secret-id", body).data();
    }

    /** Generates a secret ID against {@code role} with defaults; returns the secret ID. */
    String secretId(String role) {
        return (String) generate(role, "").get("secret_id");
    }

    /** Logs in from {@link #CLIENT}. */
    Response login(String roleId, String secretId) {
        return login(roleId, secretId, CLIENT);
    }

    Response login(String roleId, String secretId, String address) {
        return h.backend().handleRequest(loginRequest(roleId, secretId, address));
    }

    /** The result of a login expected to succeed. */
    LoginResult loginResult(String roleId, String secretId) {
        LoginResult result = login(roleId, secretId).login();
        if (result == null) {
            throw new AssertionError("login returned no LoginResult");
        }
        return result;
    }

    /** The failure of a login expected to fail. */
    LogicalException loginFailure(String roleId, String secretId, String address) {
        try {
            Response r = login(roleId, secretId, address);
            throw new AssertionError("expected the login to fail, got " + r.login());
        } catch (LogicalException e) {
            return e;
        }
    }

    LogicalException loginFailure(String roleId, String secretId) {
        return loginFailure(roleId, secretId, CLIENT);
    }

    private Request loginRequest(String roleId, String secretId, String address) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        if (roleId != null) {
            body.put("role_id", roleId);
        }
        if (secretId != null) {
            body.put("secret_id", secretId);
        }
        return new Request(UUID.randomUUID().toString(), Operation.UPDATE, MOUNT + "login", MOUNT, body,
                Request.Caller.ANONYMOUS, h.storage(), address);
    }

    @SuppressWarnings("unchecked")
    static List<String> keys(Response list) {
        return (List<String>) list.data().get("keys");
    }
}
