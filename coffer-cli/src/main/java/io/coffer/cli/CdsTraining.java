package io.coffer.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Runs typical CLI calls against a canned loopback server so that a JVM started with {@code
 * -XX:ArchiveClassesAtExit=cli.jsa} records every class a real call needs (HTTP client, JSON,
 * tables), not only those of {@code version}.
 *
 * <p>Usage: {@code java -XX:ArchiveClassesAtExit=cli.jsa -cp <cli class path>
 * io.coffer.cli.CdsTraining}. The server listens on 127.0.0.1 only, answers with fixed Vault-shaped
 * JSON and stops when training ends; nothing leaves the machine and no secret is involved.
 */
public final class CdsTraining {
    private CdsTraining() {}

    /** Runs the training calls and exits 0. */
    public static void main(String[] args) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(new CannedServer(server), "cds-training-server");
            t.setDaemon(true);
            t.start();
            String address = "http://127.0.0.1:" + server.getLocalPort();
            Map<String, String> env =
                    Map.of("VAULT_ADDR", address, "VAULT_TOKEN", "training", "HOME",
                            System.getProperty("java.io.tmpdir"));
            PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            String[][] calls = {
                {"status"},
                {"kv", "get", "secret/app"},
                {"kv", "get", "-format=json", "secret/app"},
                {"kv", "get", "-field=user", "secret/app"},
                {"kv", "put", "secret/app", "user=bob"},
                {"kv", "list", "secret/"},
                {"read", "auth/token/lookup-self"},
                {"write", "kv1/app", "a=b"},
                {"kv", "get", "secret/missing"},
                {"secrets", "list"},
                {"token", "lookup"},
                {"version"},
                {"kv", "get", "-h"}
            };
            for (String[] call : calls) {
                CofferCli.run(call, env, InputStream.nullInputStream(), sink, sink);
            }
        }
        HttpThreads.stopSelectors();
        System.exit(0);
    }

    /** A minimal HTTP/1.1 responder with fixed answers, one request per connection. */
    private static final class CannedServer implements Runnable {
        private final ServerSocket server;

        CannedServer(ServerSocket server) {
            this.server = server;
        }

        @Override
        public void run() {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    serve(s);
                } catch (IOException e) {
                    if (server.isClosed()) {
                        return;
                    }
                }
            }
        }

        private static void serve(Socket s) throws IOException {
            InputStream in = new BufferedInputStream(s.getInputStream());
            String requestLine = readLine(in);
            int contentLength = 0;
            String line;
            while (!(line = readLine(in)).isEmpty()) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    contentLength = Integer.parseInt(line.substring(15).trim());
                }
            }
            in.readNBytes(contentLength);
            String[] parts = requestLine.split(" ");
            String method = parts.length > 0 ? parts[0] : "GET";
            String path = parts.length > 1 ? parts[1] : "/";
            int status = 200;
            String body;
            if (path.startsWith("/v1/sys/internal/ui/mounts/kv1")) {
                body = "{\"data\":{\"type\":\"kv\",\"path\":\"kv1/\",\"options\":null}}";
            } else if (path.startsWith("/v1/sys/internal/ui/mounts/")) {
                body = "{\"data\":{\"type\":\"kv\",\"path\":\"secret/\",\"options\":{\"version\":\"2\"}}}";
            } else if (path.startsWith("/v1/sys/seal-status")) {
                body = "{\"type\":\"shamir\",\"initialized\":true,\"sealed\":false,\"t\":1,\"n\":1,"
                        + "\"progress\":0,\"nonce\":\"\",\"version\":\"1.15.6\",\"build_date\":\"\","
                        + "\"migration\":false,\"recovery_seal\":false,\"storage_type\":\"inmem\"}";
            } else if (path.startsWith("/v1/sys/leader")) {
                body = "{\"ha_enabled\":false,\"is_self\":false,\"active_time\":\"0001-01-01T00:00:00Z\"}";
            } else if (path.startsWith("/v1/secret/metadata")) {
                body = "{\"data\":{\"keys\":[\"app\",\"dir/\"]}}";
            } else if (path.startsWith("/v1/secret/data/app") && method.equals("GET")) {
                body = "{\"request_id\":\"r\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,"
                        + "\"data\":{\"data\":{\"user\":\"bob\"},\"metadata\":{\"created_time\":\"t\","
                        + "\"custom_metadata\":null,\"deletion_time\":\"\",\"destroyed\":false,"
                        + "\"version\":1}},\"warnings\":null}";
            } else if (path.startsWith("/v1/secret/data/app")) {
                body = "{\"data\":{\"created_time\":\"t\",\"custom_metadata\":null,\"deletion_time\":\"\","
                        + "\"destroyed\":false,\"version\":2}}";
            } else if (path.startsWith("/v1/auth/token/lookup-self")) {
                body = "{\"data\":{\"id\":\"training\",\"policies\":[\"root\"],\"ttl\":0}}";
            } else if (path.startsWith("/v1/sys/mounts")) {
                body = "{\"data\":{\"secret/\":{\"type\":\"kv\",\"accessor\":\"kv_1\",\"description\":\"\","
                        + "\"options\":{\"version\":\"2\"},\"config\":{\"default_lease_ttl\":0}}}}";
            } else if (method.equals("PUT") || method.equals("POST") || method.equals("DELETE")) {
                status = 204;
                body = "";
            } else {
                status = 404;
                body = "{\"errors\":[]}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            String reason = status == 200 ? "OK" : status == 204 ? "No Content" : "Not Found";
            head.writeBytes(("HTTP/1.1 " + status + " " + reason + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + (status == 204 ? "" : "Content-Length: " + bytes.length + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            out.write(head.toByteArray());
            out.write(bytes);
            out.flush();
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        }
    }
}
