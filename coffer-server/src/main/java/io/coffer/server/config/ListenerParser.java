package io.coffer.server.config;

import io.coffer.core.hcl.Snippet;
import io.coffer.server.http.ForwardedFor;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one {@code listener "tcp" { … }} block into a {@link TcpListener} with Vault's rules:
 * address defaults to {@value TcpListener#DEFAULT_ADDRESS}; TLS is on unless {@code tls_disable}
 * is true, and then needs {@code tls_cert_file} and {@code tls_key_file}; {@code max_request_size}
 * 0 means the 32 MiB default and a negative value no limit.
 */
final class ListenerParser {

    static final List<String> KEYS = List.of("address", "cluster_address", "tls_disable", "tls_cert_file",
            "tls_key_file", "tls_min_version", "max_request_size", "x_forwarded_for_authorized_addrs",
            "x_forwarded_for_hop_skips", "x_forwarded_for_reject_not_authorized", "x_forwarded_for_reject_not_present");

    /** Keys of Vault's TCP listener Coffer does not implement; named as such in errors. */
    static final Set<String> UNSUPPORTED = Set.of("tls_client_ca_file", "tls_require_and_verify_client_cert",
            "tls_disable_client_certs", "tls_max_version", "tls_cipher_suites", "tls_prefer_server_cipher_suites",
            "http_idle_timeout", "http_read_header_timeout", "http_read_timeout", "http_write_timeout",
            "proxy_protocol_behavior", "proxy_protocol_authorized_addrs", "telemetry", "profiling", "inflight_requests_logging",
            "custom_response_headers", "unauthenticated_metrics_access", "disable_replication_status_endpoints",
            "redact_addresses", "redact_cluster_name", "redact_version", "chroot_namespace", "tls_cert_file_pem");

    TcpListener read(Section block) {
        String type = block.opener().item().labels().get(0);
        if (!type.equals("tcp")) {
            throw new ServerConfigException("unsupported listener type " + Snippet.quote(type) + " "
                    + Section.position(block.opener()) + "; Coffer has listener \"tcp\" only", block.opener().item().line());
        }
        block.requireKnownKeys(KEYS, UNSUPPORTED);
        String address = block.get("address", Values::nonEmptyString).orElse(TcpListener.DEFAULT_ADDRESS);
        Addresses.HostPort bind = block.get("address", v -> Addresses.hostPort(Values.nonEmptyString(v)))
                .orElseGet(() -> Addresses.hostPort(TcpListener.DEFAULT_ADDRESS));
        Optional<String> clusterAddress = block.get("cluster_address", v -> {
            String text = Values.nonEmptyString(v);
            Addresses.hostPort(text);
            return text;
        });
        boolean tlsDisable = block.get("tls_disable", Values::bool).orElse(false);
        Optional<Path> cert = block.get("tls_cert_file", Values::nonEmptyString).map(Path::of);
        Optional<Path> key = block.get("tls_key_file", Values::nonEmptyString).map(Path::of);
        TlsVersion minVersion = block.get("tls_min_version", ListenerParser::tlsVersion).orElse(TlsVersion.TLS12);
        if (!tlsDisable) {
            if (cert.isEmpty()) {
                throw block.missing("tls_cert_file", "unless tls_disable = true");
            }
            if (key.isEmpty()) {
                throw block.missing("tls_key_file", "unless tls_disable = true");
            }
        }
        long size = block.get("max_request_size", Values::size).orElse(0L);
        long maxRequestSize = size == 0 ? TcpListener.DEFAULT_MAX_REQUEST_SIZE
                : size < 0 ? TcpListener.UNLIMITED_REQUEST_SIZE : Math.min(size, TcpListener.UNLIMITED_REQUEST_SIZE);
        return new TcpListener(address, bind.host(), bind.port(), clusterAddress, tlsDisable,
                tlsDisable ? Optional.empty() : cert, tlsDisable ? Optional.empty() : key, minVersion, maxRequestSize,
                forwardedFor(block));
    }

    /** Vault's {@code x_forwarded_for_*} keys; the two reject switches default to true. */
    private static ForwardedFor forwardedFor(Section block) {
        List<String> authorized = block.get("x_forwarded_for_authorized_addrs", ListenerParser::addressList)
                .orElse(List.of());
        long hops = block.get("x_forwarded_for_hop_skips", Values::integer).orElse(0L);
        if (hops < 0 || hops > 100) {
            throw new ServerConfigException("x_forwarded_for_hop_skips must be between 0 and 100 "
                    + Section.position(block.opener()), block.opener().item().line());
        }
        return new ForwardedFor(authorized, (int) hops,
                block.get("x_forwarded_for_reject_not_authorized", Values::bool).orElse(true),
                block.get("x_forwarded_for_reject_not_present", Values::bool).orElse(true));
    }

    /** A list of addresses or CIDR blocks, as an HCL list or a comma-separated string. */
    private static List<String> addressList(Object v) {
        List<String> out = new java.util.ArrayList<>();
        if (v instanceof List<?> items) {
            for (Object item : items) {
                out.add(Values.nonEmptyString(item).trim());
            }
        } else {
            for (String part : Values.string(v).split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        for (String a : out) {
            if (!io.coffer.sdk.framework.Cidrs.isValid(a)) {
                throw new IllegalArgumentException("not an address or CIDR block: " + Values.describe(a));
            }
        }
        return out;
    }

    private static TlsVersion tlsVersion(Object v) {
        String name = Values.string(v);
        return TlsVersion.fromConfigName(name).orElseThrow(() -> new IllegalArgumentException(
                "must be one of tls10, tls11, tls12, tls13, got " + Values.describe(v)));
    }
}
