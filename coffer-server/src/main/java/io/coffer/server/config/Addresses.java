package io.coffer.server.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Validates the addresses of a server configuration: {@code host:port} bind addresses (IPv6 in
 * brackets, an empty host meaning every interface) and the {@code http(s)://} URLs of
 * {@code api_addr}, {@code cluster_addr} and {@code leader_api_addr}. Failures are
 * {@link IllegalArgumentException}s phrased like {@link Values}' ones.
 */
final class Addresses {

    /** A bind address split into host and port. */
    record HostPort(String host, int port) {
    }

    private Addresses() {
    }

    static HostPort hostPort(String address) {
        String what = "must be host:port such as \"127.0.0.1:8200\", got " + Values.describe(address);
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(what);
        }
        String host = address.substring(0, colon);
        String port = address.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException(what + " (write IPv6 addresses in brackets)");
        }
        if (host.isEmpty()) {
            host = "0.0.0.0";
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535 || host.isBlank() || host.contains(" ")) {
            throw new IllegalArgumentException(what);
        }
        return new HostPort(host, Integer.parseInt(port));
    }

    static String url(String value) {
        String what = "must be an http:// or https:// URL such as \"https://10.0.0.1:8200\", got " + Values.describe(value);
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException(what);
            }
            return value;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what);
        }
    }
}
