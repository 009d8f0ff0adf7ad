package io.coffer.server.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A three-node Coffer cluster on 127.0.0.1 for trying the real thing: Raft storage, one active
 * node and two standbys, Shamir seal. {@link #up} writes one configuration per node into the
 * cluster directory, starts each node as its own {@code coffer server} process, initialises
 * node 1 (5 shares, threshold 3) into {@code init.json} (0600, the shape of
 * {@code vault operator init -format=json}), unseals it, lets nodes 2 and 3 join through
 * {@code retry_join} and unseals them. On a directory that already holds a cluster it restarts
 * the nodes and unseals them with the keys in {@code init.json}. {@link #down} stops them.
 *
 * <p>Node {@code i} listens on its API port {@code p} and speaks Raft on {@code p + 1}
 * (Vault's convention). Files: {@code nodeI.hcl}, {@code nodeI.log}, {@code nodeI.pid},
 * {@code nodeI/} (data), {@code init.json}. Key shares and the root token are written only to
 * {@code init.json}, never printed.
 */
public final class LocalCluster {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ROLE_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final List<Integer> ports;
    private final NodeLauncher launcher;
    private final ClusterHttp http;
    private final PrintStream out;
    private final ObjectMapper json = new ObjectMapper();

    public LocalCluster(Path dir, List<Integer> ports, NodeLauncher launcher, ClusterHttp http, PrintStream out) {
        if (ports.size() != 3) {
            throw new IllegalArgumentException("a local cluster has exactly 3 nodes; give 3 API ports");
        }
        this.dir = dir.toAbsolutePath().normalize();
        this.ports = List.copyOf(ports);
        this.launcher = launcher;
        this.http = http;
        this.out = out;
    }

    /** The API address of node {@code i} (0-based). */
    public String address(int i) {
        return "http://127.0.0.1:" + ports.get(i);
    }

    /** Brings the cluster up (see the class comment); returns once all three nodes are unsealed. */
    public void up() throws IOException, InterruptedException {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path initFile = dir.resolve("init.json");
        boolean existing = Files.exists(initFile);
        for (int i = 0; i < 3; i++) {
            if (launcher.isRunning(pidFile(i))) {
                throw new IllegalStateException("node " + (i + 1) + " is already running (" + pidFile(i)
                        + "); run 'coffer cluster down -dir=" + dir + "' first");
            }
            writeConfig(i);
        }
        for (int i = 0; i < 3; i++) {
            launcher.start(dir.resolve("node" + (i + 1) + ".hcl"), dir.resolve("node" + (i + 1) + ".log"), pidFile(i));
        }
        for (int i = 0; i < 3; i++) {
            awaitListening(i);
        }
        JsonNode init;
        if (existing) {
            init = json.readTree(Files.readString(initFile));
            out.println("Restarted the existing cluster in " + dir);
        } else {
            init = http.post(address(0), "sys/init", "{\"secret_shares\":5,\"secret_threshold\":3}", "");
            writePrivate(initFile, initJson(init));
            out.println("Initialized node 1; unseal keys and root token written to " + initFile + " (mode 0600)");
        }
        List<String> keys = new ArrayList<>();
        init.get("keys_base64").forEach(k -> keys.add(k.asText()));
        unseal(0, keys);
        awaitRole(0, "active");
        for (int i = 1; i < 3; i++) {
            awaitInitialized(i);
            unseal(i, keys);
        }
        for (int i = 1; i < 3; i++) {
            awaitRole(i, "any");
        }
        printSummary(initFile);
    }

    /** {@code kill -9} of node {@code i} (0-based): nothing is flushed or closed. */
    public void kill(int i) throws InterruptedException {
        launcher.kill(pidFile(i));
    }

    /** Starts node {@code i} again on its configuration and waits until it listens (it comes up sealed). */
    public void start(int i) throws IOException, InterruptedException {
        launcher.start(dir.resolve("node" + (i + 1) + ".hcl"), dir.resolve("node" + (i + 1) + ".log"), pidFile(i));
        awaitListening(i);
    }

    /** Unseals node {@code i} with three keys from {@code init.json}. */
    public void unseal(int i) throws IOException {
        List<String> keys = new ArrayList<>();
        json.readTree(Files.readString(dir.resolve("init.json"))).get("keys_base64").forEach(k -> keys.add(k.asText()));
        unseal(i, keys);
    }

    /** The root token from {@code init.json}. */
    public String rootToken() throws IOException {
        return json.readTree(Files.readString(dir.resolve("init.json"))).get("root_token").asText();
    }

    /** The process id of node {@code i}. */
    public long pid(int i) {
        return launcher.pid(pidFile(i)).orElseThrow(() -> new IllegalStateException("node " + (i + 1) + " is not running"));
    }

    /** The cluster directory. */
    public Path directory() {
        return dir;
    }

    /** Stops every node of the cluster that is running (SIGTERM, then SIGKILL after 10 s). */
    public void down() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            stop(i);
        }
    }

    /**
     * Stops node {@code i} (0-based) gracefully (SIGTERM, then SIGKILL after 10 s) and waits until
     * it is gone; returns whether it was running.
     */
    public boolean stop(int i) throws InterruptedException {
        boolean stopped = launcher.stop(pidFile(i));
        if (stopped) {
            out.println("Stopped node " + (i + 1));
        }
        return stopped;
    }

    /** Prints each node's role as {@code sys/health} reports it. */
    public void status() {
        for (int i = 0; i < 3; i++) {
            out.println("node" + (i + 1) + "  " + address(i) + "  " + http.role(address(i)));
        }
    }

    private Path pidFile(int i) {
        return dir.resolve("node" + (i + 1) + ".pid");
    }

    private void writeConfig(int i) throws IOException {
        int api = ports.get(i);
        StringBuilder c = new StringBuilder();
        c.append("# node ").append(i + 1).append(" of the local Coffer cluster (written by 'coffer cluster up')\n");
        c.append("storage \"raft\" {\n");
        c.append("  path    = \"").append(dir.resolve("node" + (i + 1))).append("\"\n");
        c.append("  node_id = \"node").append(i + 1).append("\"\n");
        for (int j = 0; j < 3; j++) {
            if (j != i) {
                c.append("  retry_join {\n    leader_api_addr = \"").append(address(j)).append("\"\n  }\n");
            }
        }
        c.append("}\n\n");
        c.append("listener \"tcp\" {\n  address     = \"127.0.0.1:").append(api).append("\"\n  tls_disable = true\n}\n\n");
        c.append("api_addr      = \"").append(address(i)).append("\"\n");
        c.append("cluster_addr  = \"http://127.0.0.1:").append(api + 1).append("\"\n");
        c.append("cluster_name  = \"coffer-local\"\n");
        c.append("disable_mlock = true\n");
        writePrivate(dir.resolve("node" + (i + 1) + ".hcl"), c.toString());
    }

    /** The init answer in the shape of {@code vault operator init -format=json}. */
    private String initJson(JsonNode init) throws IOException {
        ObjectNode o = json.createObjectNode();
        o.set("unseal_keys_b64", init.get("keys_base64"));
        o.set("unseal_keys_hex", init.get("keys"));
        o.put("unseal_shares", 5);
        o.put("unseal_threshold", 3);
        o.set("recovery_keys_b64", json.createArrayNode());
        o.set("recovery_keys_hex", json.createArrayNode());
        o.put("recovery_keys_shares", 0);
        o.put("recovery_keys_threshold", 0);
        o.set("root_token", init.get("root_token"));
        // keep keys_base64 so a restart can read the same file
        o.set("keys_base64", init.get("keys_base64"));
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
    }

    private void unseal(int i, List<String> keys) {
        for (int k = 0; k < 3; k++) {
            JsonNode status = http.post(address(i), "sys/unseal", "{\"key\":\"" + keys.get(k) + "\"}", "");
            if (!status.path("sealed").asBoolean(true)) {
                out.println("Unsealed node " + (i + 1) + " (" + address(i) + ")");
                return;
            }
        }
        throw new IllegalStateException("node " + (i + 1) + " is still sealed after 3 keys; see " + dir.resolve("node" + (i + 1) + ".log"));
    }

    private void awaitListening(int i) throws InterruptedException {
        await(() -> http.sealStatus(address(i)).isPresent(), START_TIMEOUT, "node " + (i + 1) + " to listen on " + address(i));
    }

    private void awaitInitialized(int i) throws InterruptedException {
        await(() -> http.sealStatus(address(i)).map(s -> s.path("initialized").asBoolean()).orElse(false),
                ROLE_TIMEOUT, "node " + (i + 1) + " to join the cluster through retry_join");
    }

    private void awaitRole(int i, String role) throws InterruptedException {
        await(() -> {
            String r = http.role(address(i));
            return role.equals("any") ? r.equals("active") || r.equals("standby") : r.equals(role);
        }, ROLE_TIMEOUT, "node " + (i + 1) + " to become " + (role.equals("any") ? "active or standby" : role));
    }

    private void await(java.util.function.BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("timed out waiting for " + what + "; logs are in " + dir);
            }
            Thread.sleep(100);
        }
    }

    private void printSummary(Path initFile) {
        out.println();
        out.println("A 3-node Coffer cluster is up (Raft storage, Shamir 3 of 5):");
        status();
        out.println();
        out.println("    $ export VAULT_ADDR='" + address(0) + "'");
        out.println("    $ export VAULT_TOKEN=\"$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))[\"root_token\"])' "
                + initFile + ")\"");
        out.println();
        out.println("Any node serves clients: standbys forward to the active node.");
        out.println("Stop it with: coffer cluster down -dir=" + dir);
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The role a {@code sys/health} status means with default codes ({@code down} when there was no answer). */
    static String roleOf(Optional<Integer> status) {
        return status.map(s -> switch (s) {
            case 200 -> "active";
            case 429 -> "standby";
            case 501 -> "uninitialized";
            case 503 -> "sealed";
            default -> "status " + s;
        }).orElse("down");
    }
}
