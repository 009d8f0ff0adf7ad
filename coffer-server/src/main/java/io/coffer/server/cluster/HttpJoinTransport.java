package io.coffer.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.core.ha.ClusterMembership;
import io.coffer.core.ha.JoinChallenge;
import io.coffer.core.ha.JoinTransport;
import io.coffer.core.ha.LeaderTarget;
import io.coffer.core.ha.Peer;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link JoinTransport} over the leader's HTTP API: {@code POST
 * /v1/sys/storage/raft/bootstrap/challenge} and {@code …/answer} with JSON bodies, over HTTPS
 * with the target's CA certificate (else the JVM's trust store), its client certificate for
 * mutual TLS, and its TLS server name for SNI and host name verification.
 *
 * <p>Each exchange uses its own short-lived Jetty client (joins are rare, and every target may
 * bring different TLS material), with a connect and a total timeout. Jetty's client rather than
 * {@code java.net.http}: the JDK client cannot verify the certificate against a server name other
 * than the URL's host, and cannot be closed on Java 17. Every failure is a
 * {@link JoinException} whose message names the leader's address and the HTTP status or the
 * leader's error strings; it never carries request or response bodies. Thread-safe.
 */
public final class HttpJoinTransport implements JoinTransport {
    /** The connect and answer timeout of one exchange unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final String BOOTSTRAP = "/v1/sys/storage/raft/bootstrap/";

    private final ObjectMapper json;
    private final Duration timeout;

    public HttpJoinTransport() {
        this(new ObjectMapper(), DEFAULT_TIMEOUT);
    }

    /** @param timeout the connect timeout and the limit for a whole exchange */
    public HttpJoinTransport(ObjectMapper json, Duration timeout) {
        this.json = json;
        this.timeout = timeout;
    }

    @Override
    public JoinChallenge challenge(LeaderTarget leader, String nodeId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("server_id", nodeId);
        JsonNode answer = post(leader, "challenge", body);
        return new JoinChallenge(base64(answer, "challenge", leader), base64(answer, "seal_config", leader));
    }

    @Override
    public ClusterMembership answer(LeaderTarget leader, String nodeId, byte[] answer, String clusterAddress,
                                    String apiAddress, boolean nonVoter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("server_id", nodeId);
        body.put("answer", Base64.getEncoder().encodeToString(answer));
        body.put("cluster_addr", clusterAddress);
        body.put("api_addr", apiAddress);
        body.put("non_voter", nonVoter);
        JsonNode reply = post(leader, "answer", body);
        JsonNode groupId = reply.get("group_id");
        JsonNode peers = reply.get("peers");
        if (groupId == null || !groupId.isTextual() || peers == null || !peers.isArray()) {
            throw invalidAnswer(leader, "answer");
        }
        List<Peer> members = new ArrayList<>();
        for (JsonNode p : peers) {
            JsonNode id = p.get("id");
            JsonNode address = p.get("address");
            if (id == null || !id.isTextual() || address == null || !address.isTextual()) {
                throw invalidAnswer(leader, "answer");
            }
            members.add(new Peer(id.asText(), address.asText(), p.path("voter").asBoolean(true)));
        }
        return new ClusterMembership(groupId.asText(), members);
    }

    private JsonNode post(LeaderTarget leader, String step, Map<String, Object> body) {
        URI api;
        try {
            api = LeaderTargets.apiUri(leader);
        } catch (IllegalArgumentException e) {
            throw new JoinException("invalid leader address for join: " + e.getMessage());
        }
        String address = api.toString();
        HttpClient client = newClient(leader, api);
        try {
            client.start();
            ContentResponse response = client.newRequest(target(leader, api, step))
                    .method(HttpMethod.POST)
                    .headers(h -> h.put("X-Vault-Request", "true"))
                    .body(new BytesRequestContent("application/json", json.writeValueAsBytes(body)))
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .send();
            if (response.getStatus() != 200) {
                throw new JoinException("leader " + address + " refused the join " + step + ": HTTP "
                        + response.getStatus() + errors(response));
            }
            return readObject(response, leader, step);
        } catch (TimeoutException e) {
            throw new JoinException("leader " + address + " did not answer the join " + step + " within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new JoinException("cannot reach leader " + address + " for the join " + step + ": " + describe(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JoinException("interrupted while asking leader " + address + " for the join " + step);
        } catch (JoinException e) {
            throw e;
        } catch (Exception e) {
            throw new JoinException("cannot reach leader " + address + " for the join " + step + ": " + describe(e));
        } finally {
            LifeCycle.stop(client);
        }
    }

    /**
     * A client for one exchange. With a TLS server name, requests go to that name (so SNI and
     * host name verification use it) and the name resolves to the address's real host.
     */
    private HttpClient newClient(LeaderTarget leader, URI api) {
        HttpClient client = new HttpClient();
        QueuedThreadPool threads = new QueuedThreadPool(8, 1);
        threads.setName("coffer-join");
        threads.setDaemon(true);
        client.setExecutor(threads);
        client.setConnectTimeout(timeout.toMillis());
        client.setIdleTimeout(timeout.toMillis());
        client.setFollowRedirects(false);
        client.setUserAgentField(null);
        if (api.getScheme().equalsIgnoreCase("https")) {
            try {
                client.setSslContextFactory(LeaderTargets.sslContext(leader));
            } catch (IllegalArgumentException e) {
                throw new JoinException("invalid TLS settings for leader " + api + ": " + e.getMessage());
            }
            String serverName = leader.tlsServerName().strip();
            if (!serverName.isEmpty()) {
                client.setSocketAddressResolver(new ServerNameResolver(serverName, api.getHost()));
            }
        }
        return client;
    }

    private static URI target(LeaderTarget leader, URI api, String step) {
        String serverName = leader.tlsServerName().strip();
        String host = api.getScheme().equalsIgnoreCase("https") && !serverName.isEmpty() ? serverName : api.getHost();
        String base = api.getPath() == null ? "" : api.getPath();
        try {
            return new URI(api.getScheme(), null, host, api.getPort(), base + BOOTSTRAP + step, null, null);
        } catch (java.net.URISyntaxException e) {
            throw new JoinException("invalid leader address or TLS server name for leader " + api);
        }
    }

    private JsonNode readObject(ContentResponse response, LeaderTarget leader, String step) {
        try {
            JsonNode node = json.readTree(response.getContent());
            if (node == null || !node.isObject()) {
                throw invalidAnswer(leader, step);
            }
            return node;
        } catch (IOException e) {
            throw invalidAnswer(leader, step);
        }
    }

    /** The leader's Vault error strings ({@code {"errors":[...]}}), if the body is that envelope. */
    private String errors(ContentResponse response) {
        try {
            JsonNode errors = json.readTree(response.getContent()).get("errors");
            if (errors == null || !errors.isArray() || errors.isEmpty()) {
                return "";
            }
            List<String> messages = new ArrayList<>();
            errors.forEach(e -> messages.add(e.asText()));
            return ": " + String.join("; ", messages);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private byte[] base64(JsonNode node, String field, LeaderTarget leader) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw invalidAnswer(leader, "challenge");
        }
        try {
            return Base64.getDecoder().decode(value.asText());
        } catch (IllegalArgumentException e) {
            throw invalidAnswer(leader, "challenge");
        }
    }

    private static JoinException invalidAnswer(LeaderTarget leader, String step) {
        return new JoinException("leader " + leader.apiAddress() + " answered the join " + step + " with an invalid response");
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }
}
