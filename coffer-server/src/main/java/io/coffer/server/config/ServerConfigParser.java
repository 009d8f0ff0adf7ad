package io.coffer.server.config;

import io.coffer.core.hcl.Hcl;
import io.coffer.core.hcl.HclObject;
import io.coffer.core.hcl.HclSyntaxException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads Vault's server configuration — HCL, or JSON of the same shape — into a
 * {@link ServerConfig}.
 *
 * <p>Guarantees: strict — an unknown key anywhere, a value of the wrong type, a missing or
 * repeated setting is a {@link ServerConfigException} naming the key, its block, the file and the
 * line (for JSON also the JSON path); a text is JSON when its file name ends in {@code .json} or
 * its first non-blank character is <code>{</code>. Several files (or the {@code .hcl} and
 * {@code .json} files of a directory, in name order) form one configuration: listeners add up,
 * every other setting may be made once only. Nothing is evaluated or opened besides the files
 * given. Stateless and thread-safe.
 */
public final class ServerConfigParser {

    /** The largest configuration file read. */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    static final List<String> TOP_KEYS = List.of("storage", "listener", "api_addr", "cluster_addr", "cluster_name",
            "disable_mlock", "log_level", "ui", "default_lease_ttl", "max_lease_ttl");

    /** Top-level keys of Vault's configuration Coffer does not implement; named as such in errors. */
    static final Set<String> TOP_UNSUPPORTED = Set.of("backend", "ha_storage", "ha_backend", "seal", "telemetry",
            "service_registration", "plugin_directory", "plugin_file_uid", "plugin_file_permissions", "plugin_tmpdir",
            "disable_cache", "cache_size", "disable_clustering", "disable_performance_standby", "disable_sealwrap",
            "disable_printable_check", "raw_storage_endpoint", "introspection_endpoint", "enable_response_header_hostname",
            "enable_response_header_raft_node_id", "license_path", "log_format", "log_file", "log_rotate_bytes",
            "log_rotate_duration", "log_rotate_max_files", "pid_file", "entropy", "user_lockout", "sentinel",
            "replication", "administrative_namespace_path", "imprecise_lease_role_tracking", "enable_multiseal",
            "experiments", "detect_deadlocks", "disable_sentinel_trace", "api_addr_template", "reporting",
            "clustering_disabled", "cluster_cipher_suites", "max_lease_ttl_raw", "http_slow_request_threshold");

    private final StorageParser storageParser = new StorageParser();
    private final ListenerParser listenerParser = new ListenerParser();

    /**
     * Parses one configuration text.
     *
     * @param name the file name used in error messages and to recognise {@code .json}
     * @throws ServerConfigException if the text is not a valid configuration
     */
    public ServerConfig parse(String name, String text) {
        Map<Section.Source, HclObject> files = new LinkedHashMap<>();
        read(name, text, files);
        return build(Section.top(files), List.of(name));
    }

    /**
     * Loads the configuration from files and directories (their {@code .hcl} and {@code .json}
     * files, in name order, not recursing).
     *
     * @throws ServerConfigException if a file cannot be read or the configuration is not valid
     */
    public ServerConfig load(List<Path> paths) {
        if (paths.isEmpty()) {
            throw new ServerConfigException("no configuration file given", 0);
        }
        Map<Section.Source, HclObject> files = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Path file : expand(paths)) {
            names.add(file.toString());
            read(file.toString(), readText(file), files);
        }
        return build(Section.top(files), names);
    }

    private static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            try (Stream<Path> entries = Files.list(p)) {
                List<Path> found = entries
                        .filter(f -> {
                            String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                            return (n.endsWith(".hcl") || n.endsWith(".json")) && Files.isRegularFile(f);
                        })
                        .sorted()
                        .toList();
                if (found.isEmpty()) {
                    throw new ServerConfigException("configuration directory " + p + " holds no .hcl or .json file", 0);
                }
                files.addAll(found);
            } catch (IOException e) {
                throw new ServerConfigException("cannot read configuration directory " + p + ": " + reason(e), 0);
            }
        }
        return files;
    }

    private static String readText(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new ServerConfigException("configuration file " + file + " does not exist or is not a file", 0);
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ServerConfigException("configuration file " + file + " is larger than " + MAX_FILE_BYTES + " bytes", 0);
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ServerConfigException("configuration file " + file + " is not UTF-8 text", 0);
        } catch (IOException e) {
            throw new ServerConfigException("cannot read configuration file " + file + ": " + reason(e), 0);
        }
    }

    private static String reason(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    private static void read(String name, String text, Map<Section.Source, HclObject> files) {
        boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json") || Hcl.looksLikeJson(text);
        try {
            HclObject root = json ? Hcl.parseJson(text) : Hcl.parse(text);
            files.put(new Section.Source(name, json), root);
        } catch (HclSyntaxException e) {
            String where = e.line() > 0 ? " on line " + e.line() + ", column " + e.column() + " of " : " in ";
            throw new ServerConfigException((json ? "JSON" : "HCL") + " syntax error" + where + name + ": " + e.reason(),
                    e.line());
        }
    }

    private ServerConfig build(Section top, List<String> names) {
        top.requireKnownKeys(TOP_KEYS, TOP_UNSUPPORTED);
        StorageConfig storage = storage(top, names);
        List<TcpListener> listeners = new ArrayList<>();
        for (Section block : top.blocks("listener", 1)) {
            listeners.add(listenerParser.read(block));
        }
        if (listeners.isEmpty()) {
            throw new ServerConfigException("no listener block in " + String.join(", ", names)
                    + "; add one, e.g. listener \"tcp\" { address = \"127.0.0.1:8200\" tls_cert_file = … tls_key_file = … }", 0);
        }
        Optional<String> apiAddr = top.get("api_addr", v -> Addresses.url(Values.nonEmptyString(v)));
        Optional<String> clusterAddr = top.get("cluster_addr", v -> Addresses.url(Values.nonEmptyString(v)));
        if (storage instanceof StorageConfig.Raft && clusterAddr.isEmpty()) {
            throw top.missing("cluster_addr", "when storage \"raft\" is used (it is the Raft address)");
        }
        Duration defaultTtl = top.get("default_lease_ttl", Values::duration).orElse(ServerConfig.SYSTEM_TTL);
        Duration maxTtl = top.get("max_lease_ttl", Values::duration).orElse(ServerConfig.SYSTEM_TTL);
        if (defaultTtl.compareTo(maxTtl) > 0) {
            Optional<Section.Entry> setDefault = top.single("default_lease_ttl");
            throw setDefault.isPresent()
                    ? top.error(setDefault.get(), "must not exceed max_lease_ttl ("
                            + GoDuration.format(defaultTtl) + " > " + GoDuration.format(maxTtl) + ")")
                    : top.error(top.single("max_lease_ttl").orElseThrow(),
                            "must not be below default_lease_ttl, 768h unless set ("
                            + GoDuration.format(maxTtl) + " < " + GoDuration.format(defaultTtl) + ")");
        }
        return new ServerConfig(storage, listeners, apiAddr, clusterAddr,
                top.get("cluster_name", Values::nonEmptyString),
                top.get("disable_mlock", Values::bool).orElse(false),
                top.get("log_level", ServerConfigParser::logLevel).orElse(LogLevel.INFO),
                top.get("ui", Values::bool).orElse(false),
                defaultTtl, maxTtl);
    }

    private StorageConfig storage(Section top, List<String> names) {
        List<Section> blocks = top.blocks("storage", 1);
        if (blocks.isEmpty()) {
            throw new ServerConfigException("no storage block in " + String.join(", ", names)
                    + "; add one, e.g. storage \"file\" { path = \"/var/lib/coffer\" }", 0);
        }
        if (blocks.size() > 1) {
            Section.Entry second = blocks.get(1).opener();
            throw new ServerConfigException("a second storage block " + Section.position(second)
                    + "; the first is " + Section.position(blocks.get(0).opener()) + " and only one is allowed",
                    second.item().line());
        }
        return storageParser.read(blocks.get(0));
    }

    private static LogLevel logLevel(Object v) {
        String name = Values.string(v);
        return LogLevel.fromConfigName(name).orElseThrow(() -> new IllegalArgumentException(
                "must be one of trace, debug, info, warn, error, got " + Values.describe(v)));
    }
}
