package io.coffer.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.builtin.BuiltinRegistry;
import io.coffer.core.Core;
import io.coffer.core.physical.InmemBackend;
import io.coffer.core.seal.InitResult;
import io.coffer.core.testing.SteppingClock;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.StorageEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A real {@link Core} over an {@link InmemBackend} the test can inspect, initialised with one
 * share and unsealed, plus shorthands for audit devices and for reading an audit file.
 */
final class FileAuditFixture {
    private final ObjectMapper json = new ObjectMapper();
    private final InmemBackend physical = new InmemBackend();
    private final Core core = new Core(physical, BuiltinRegistry.standard(), new SteppingClock(), new SecureRandom());
    private final byte[] share;
    private final String root;

    FileAuditFixture() {
        InitResult init = core.initialize(1, 1);
        this.share = init.shares().get(0);
        this.root = init.rootToken();
        core.unseal(share);
    }

    String root() {
        return root;
    }

    Core core() {
        return core;
    }

    void unseal() {
        core.unseal(share.clone());
    }

    void sealAndUnseal() {
        core.seal();
        core.unseal(share.clone());
    }

    Response handle(Operation op, String path, Map<String, ?> data, String token) {
        return core.handle(Request.of(UUID.randomUUID().toString(), op, path, new HashMap<>(data)), token);
    }

    Response read(String path) {
        return handle(Operation.READ, path, Map.of(), root);
    }

    Response write(String path, Map<String, ?> data) {
        return handle(Operation.UPDATE, path, data, root);
    }

    Response delete(String path) {
        return handle(Operation.DELETE, path, Map.of(), root);
    }

    /** Enables a {@code file} device at {@code path} with {@code options}. */
    Response enableFile(String path, Map<String, String> options) {
        return write("sys/audit/" + path, Map.of("type", "file", "options", options));
    }

    /** Enables KV v2 at {@code secret/}. */
    void enableKv() {
        write("sys/mounts/secret", Map.of("type", "kv", "options", Map.of("version", "2")));
    }

    /** The HMAC the device at {@code path} gives {@code input}, via {@code sys/audit-hash}. */
    String hash(String path, String input) {
        return (String) write("sys/audit-hash/" + path, Map.of("input", input)).data().get("hash");
    }

    /** Every key and value the physical backend holds (values hex), for before/after comparisons. */
    Map<String, String> storage() {
        Map<String, String> out = new TreeMap<>();
        collect("", out);
        return out;
    }

    private void collect(String prefix, Map<String, String> out) {
        for (String child : physical.list(prefix)) {
            if (child.endsWith("/")) {
                collect(prefix + child, out);
            } else {
                StorageEntry e = physical.get(prefix + child);
                out.put(prefix + child, e == null ? "" : HexFormat.of().formatHex(e.value()));
            }
        }
    }

    /** The whole file as text. */
    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's lines parsed as JSON (after {@code prefix}). */
    List<JsonNode> entries(Path file, String prefix) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : text(file).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith(prefix)) {
                throw new AssertionError("line without prefix: " + line);
            }
            try {
                out.add(json.readTree(line.substring(prefix.length())));
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }
        return out;
    }

    List<JsonNode> entries(Path file) {
        return entries(file, "");
    }

    /** The entries of {@code type} for API path {@code path}. */
    List<JsonNode> entries(Path file, String type, String path) {
        return entries(file).stream()
                .filter(e -> e.path("type").asText().equals(type) && e.path("request").path("path").asText().equals(path))
                .toList();
    }
}
