package io.coffer.bench;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A tiny Vault look-alike for the login scenarios, answering as Coffer does: {@code sys/health};
 * {@code sys/auth/<path>} to enable a method (409 {@code path is already in use} when taken) and
 * {@code GET sys/auth} to list them; AppRole ({@code role/<name>}, {@code role-id},
 * {@code secret-id}, {@code login}) and userpass ({@code users/<name>}, {@code login/<name>}).
 * Administrative calls need the token (else 403 echoing the token received); logins are
 * unauthenticated and count how many arrived with a token anyway. Mount paths are one segment.
 */
final class FakeAuthVault implements AutoCloseable {
    static final String ROLE_ID = "6f1c2f44-role-id";

    final Map<String, String> authMounts = new ConcurrentHashMap<>();
    final Map<String, String> roleBodies = new ConcurrentHashMap<>();
    final List<String> secretIds = new CopyOnWriteArrayList<>();
    final Map<String, String> passwords = new ConcurrentHashMap<>();
    final Map<String, String> userBodies = new ConcurrentHashMap<>();
    final AtomicInteger logins = new AtomicInteger();
    final AtomicInteger loginsWithToken = new AtomicInteger();
    final AtomicInteger tokensIssued = new AtomicInteger();
    /** When set, every login answers 200 with this body instead of checking credentials. */
    volatile String loginOverride;
    private final String token;
    private final TestHttpServer server;

    FakeAuthVault(String token) throws IOException {
        this.token = token;
        this.server = new TestHttpServer(this::handle);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        String sent = ex.getRequestHeaders().getFirst("X-Vault-Token");
        String body = TestHttpServer.requestBody(ex);
        if (path.equals("/v1/sys/health")) {
            TestHttpServer.reply(ex, 200, "{\"initialized\":true,\"sealed\":false}");
            return;
        }
        String[] p = path.split("/");  // "", "v1", "auth", mount, ...
        boolean login = p.length >= 5 && p[2].equals("auth") && p[4].equals("login");
        if (login) {
            logins.incrementAndGet();
            if (sent != null) {
                loginsWithToken.incrementAndGet();
            }
            login(ex, p, body);
            return;
        }
        if (!token.equals(sent)) {
            TestHttpServer.reply(ex, 403, "{\"errors\":[\"permission denied for " + sent + "\"]}");
            return;
        }
        if (path.equals("/v1/sys/auth") && method.equals("GET")) {
            String entries = authMounts.entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "/\":{\"accessor\":\"auth_x\",\"config\":{\"token_type\":\"default-service\"},"
                            + "\"type\":\"" + e.getValue() + "\"}")
                    .collect(Collectors.joining(","));
            TestHttpServer.reply(ex, 200, "{" + entries + (entries.isEmpty() ? "" : ",") + "\"data\":{" + entries + "}}");
        } else if (p.length == 5 && p[2].equals("sys") && p[3].equals("auth") && method.equals("POST")) {
            String type = JsonStrings.member(body, "type");
            if (authMounts.putIfAbsent(p[4], type) != null) {
                TestHttpServer.reply(ex, 409, "{\"errors\":[\"path is already in use at auth/" + p[4] + "/\"]}");
            } else {
                TestHttpServer.reply(ex, 204, "");
            }
        } else if (p.length >= 5 && p[2].equals("auth") && authMounts.containsKey(p[3])) {
            String type = authMounts.get(p[3]);
            String rest = String.join("/", List.of(p).subList(4, p.length));
            if (type.equals("approle") && p.length == 6 && p[4].equals("role") && method.equals("POST")) {
                roleBodies.put(p[5], body);
                TestHttpServer.reply(ex, 204, "");
            } else if (type.equals("approle") && rest.endsWith("/role-id") && method.equals("GET")) {
                TestHttpServer.reply(ex, 200, "{\"request_id\":\"r\",\"data\":{\"role_id\":\"" + ROLE_ID + "\"},\"auth\":null}");
            } else if (type.equals("approle") && rest.endsWith("/secret-id") && method.equals("POST")) {
                String secretId = "secret-" + secretIds.size();
                secretIds.add(secretId);
                TestHttpServer.reply(ex, 200, "{\"data\":{\"secret_id\":\"" + secretId
                        + "\",\"secret_id_accessor\":\"accessor-x\",\"secret_id_num_uses\":0},\"auth\":null}");
            } else if (type.equals("userpass") && p.length == 6 && p[4].equals("users") && method.equals("POST")) {
                passwords.put(p[5], JsonStrings.member(body, "password"));
                userBodies.put(p[5], body);
                TestHttpServer.reply(ex, 204, "");
            } else {
                TestHttpServer.reply(ex, 405, "{\"errors\":[\"unsupported path\"]}");
            }
        } else {
            TestHttpServer.reply(ex, 404, "{\"errors\":[\"no handler for route\"]}");
        }
    }

    private void login(HttpExchange ex, String[] p, String body) throws IOException {
        String override = loginOverride;
        if (override != null) {
            TestHttpServer.reply(ex, 200, override);
            return;
        }
        String type = authMounts.get(p[3]);
        boolean ok;
        if ("approle".equals(type) && p.length == 5) {
            ok = ROLE_ID.equals(JsonStrings.member(body, "role_id"))
                    && secretIds.contains(JsonStrings.member(body, "secret_id"));
        } else if ("userpass".equals(type) && p.length == 6) {
            String password = passwords.get(p[5]);
            ok = password != null && password.equals(JsonStrings.member(body, "password"));
        } else {
            TestHttpServer.reply(ex, 404, "{\"errors\":[\"no handler for route\"]}");
            return;
        }
        if (!ok) {
            TestHttpServer.reply(ex, 400, "{\"errors\":[\"invalid credentials\"]}");
            return;
        }
        int n = tokensIssued.incrementAndGet();
        TestHttpServer.reply(ex, 200, "{\"request_id\":\"r\",\"data\":null,\"auth\":{\"client_token\":\"hvs.fake" + n
                + "\",\"accessor\":\"a\",\"policies\":[\"default\"]},\"mount_type\":\"" + type + "\"}");
    }

    HttpEndpoint endpoint() {
        return server.endpoint();
    }

    String url() {
        return server.url();
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
