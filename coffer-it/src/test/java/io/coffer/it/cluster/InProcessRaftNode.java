package io.coffer.it.cluster;

import io.coffer.core.testing.LoopbackPorts;
import io.coffer.it.http.VaultHttp;
import io.coffer.server.config.ConfiguredNode;
import io.coffer.server.config.ServerConfigParser;
import io.coffer.server.config.StorageBackends;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A Coffer node on Raft storage inside the test JVM, started from a real configuration file:
 * the "other cluster" or the "stranger" of the cluster tests. It starts uninitialised and
 * belongs to no cluster.
 */
final class InProcessRaftNode implements AutoCloseable {
    private final ConfiguredNode node;

    private InProcessRaftNode(ConfiguredNode node) {
        this.node = node;
    }

    static InProcessRaftNode start(Path dir, String nodeId) throws IOException {
        int api = LoopbackPorts.next();
        int raft = LoopbackPorts.next();
        Path config = dir.resolve(nodeId + ".hcl");
        Files.writeString(config, """
                storage "raft" {
                  path    = "%s"
                  node_id = "%s"
                }
                listener "tcp" {
                  address     = "127.0.0.1:%d"
                  tls_disable = true
                }
                api_addr     = "http://127.0.0.1:%d"
                cluster_addr = "http://127.0.0.1:%d"
                """.formatted(dir.resolve(nodeId), nodeId, api, api, raft));
        return new InProcessRaftNode(ConfiguredNode.start(new ServerConfigParser().load(List.of(config)),
                new StorageBackends(), Clock.systemUTC(), new SecureRandom()));
    }

    String address() {
        return node.addresses().get(0);
    }

    VaultHttp http() {
        return new VaultHttp(address());
    }

    /** Initialises (5 shares, threshold 3) and unseals; returns the base64 keys, root token last. */
    List<String> initAndUnseal() {
        var init = http().put("sys/init", "{\"secret_shares\":5,\"secret_threshold\":3}").send().json();
        List<String> out = new ArrayList<>();
        init.get("keys_base64").forEach(k -> out.add(k.asText()));
        for (int i = 0; i < 3; i++) {
            http().put("sys/unseal", "{\"key\":\"" + out.get(i) + "\"}").send();
        }
        out.add(init.get("root_token").asText());
        return out;
    }

    @Override
    public void close() {
        node.close();
    }
}
