package io.coffer.server.config;

import io.coffer.core.hcl.Snippet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code storage "TYPE" { … }} block into a {@link StorageConfig}: {@code inmem} (no
 * keys), {@code file} ({@code path}) or {@code raft} ({@code path}, {@code node_id},
 * {@code performance_multiplier}, repeatable {@code retry_join { … }}). Any other type or key is
 * an error naming it and its line.
 */
final class StorageParser {

    static final List<String> TYPES = List.of("file", "inmem", "raft");
    static final List<String> FILE_KEYS = List.of("path");
    static final List<String> RAFT_KEYS = List.of("path", "node_id", "performance_multiplier", "retry_join",
            "tls_cert_file", "tls_key_file", "tls_ca_file");
    static final List<String> RETRY_JOIN_KEYS = List.of("leader_api_addr", "leader_ca_cert_file",
            "leader_client_cert_file", "leader_client_key_file", "leader_tls_servername");
    static final List<String> RAFT_UNSUPPORTED = List.of("trailing_logs", "snapshot_threshold", "snapshot_interval",
            "max_entry_size", "autopilot_reconcile_interval", "autopilot_update_interval", "autopilot_upgrade_version",
            "autopilot_redundancy_zone", "max_mount_and_namespace_table_entry_size", "raft_log_verifier_enabled",
            "raft_log_verification_interval", "raft_wal", "retry_join_as_non_voter", "max_batch_entries",
            "max_batch_size");
    static final List<String> RETRY_JOIN_UNSUPPORTED = List.of("auto_join", "auto_join_scheme", "auto_join_port",
            "leader_ca_cert", "leader_client_cert", "leader_client_key");

    StorageConfig read(Section block) {
        String type = block.opener().item().labels().get(0);
        return switch (type) {
            case "inmem" -> {
                block.requireKnownKeys(List.of(), List.of());
                yield new StorageConfig.Inmem();
            }
            case "file" -> {
                block.requireKnownKeys(FILE_KEYS, List.of());
                yield new StorageConfig.File(Path.of(block.require("path", Values::nonEmptyString)));
            }
            case "raft" -> raft(block);
            default -> throw new ServerConfigException("unsupported storage type " + Snippet.quote(type) + " "
                    + Section.position(block.opener()) + "; Coffer has storage \"file\", \"inmem\" and \"raft\"",
                    block.opener().item().line());
        };
    }

    private StorageConfig.Raft raft(Section block) {
        block.requireKnownKeys(RAFT_KEYS, RAFT_UNSUPPORTED);
        Path path = Path.of(block.require("path", Values::nonEmptyString));
        Optional<String> nodeId = block.get("node_id", Values::nonEmptyString);
        int multiplier = block.get("performance_multiplier", StorageParser::multiplier)
                .orElse(StorageConfig.Raft.DEFAULT_PERFORMANCE_MULTIPLIER);
        List<StorageConfig.RetryJoin> joins = new ArrayList<>();
        for (Section join : block.blocks("retry_join", 0)) {
            joins.add(retryJoin(join));
        }
        Optional<String> cert = block.get("tls_cert_file", Values::nonEmptyString);
        Optional<String> key = block.get("tls_key_file", Values::nonEmptyString);
        Optional<String> ca = block.get("tls_ca_file", Values::nonEmptyString);
        Optional<StorageConfig.RaftTls> tls = Optional.empty();
        if (cert.isPresent() || key.isPresent() || ca.isPresent()) {
            for (String k : List.of("tls_cert_file", "tls_key_file", "tls_ca_file")) {
                if (block.get(k, Values::nonEmptyString).isEmpty()) {
                    throw block.missing(k, "when Raft TLS is configured (tls_cert_file, tls_key_file and tls_ca_file go together)");
                }
            }
            tls = Optional.of(new StorageConfig.RaftTls(Path.of(cert.get()), Path.of(key.get()), Path.of(ca.get())));
        }
        return new StorageConfig.Raft(path, nodeId, multiplier, joins, tls);
    }

    private static int multiplier(Object v) {
        long n = Values.integer(v);
        if (n < 0 || n > 10) {
            throw new IllegalArgumentException("must be between 0 (the default, 5) and 10, got " + n);
        }
        return n == 0 ? StorageConfig.Raft.DEFAULT_PERFORMANCE_MULTIPLIER : (int) n;
    }

    private static StorageConfig.RetryJoin retryJoin(Section join) {
        join.requireKnownKeys(RETRY_JOIN_KEYS, RETRY_JOIN_UNSUPPORTED);
        String leader = join.require("leader_api_addr", v -> Addresses.url(Values.nonEmptyString(v)));
        Optional<Path> clientCert = join.get("leader_client_cert_file", Values::nonEmptyString).map(Path::of);
        Optional<Path> clientKey = join.get("leader_client_key_file", Values::nonEmptyString).map(Path::of);
        if (clientCert.isPresent() && clientKey.isEmpty()) {
            throw join.missing("leader_client_key_file", "when leader_client_cert_file is set");
        }
        if (clientKey.isPresent() && clientCert.isEmpty()) {
            throw join.missing("leader_client_cert_file", "when leader_client_key_file is set");
        }
        return new StorageConfig.RetryJoin(leader, join.get("leader_ca_cert_file", Values::nonEmptyString).map(Path::of),
                clientCert, clientKey, join.get("leader_tls_servername", Values::nonEmptyString));
    }
}
