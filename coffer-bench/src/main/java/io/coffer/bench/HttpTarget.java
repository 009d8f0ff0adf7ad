package io.coffer.bench;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A parsed {@code http://} URL: the {@link HttpEndpoint} to connect to and the request target
 * (path and query) to send. Only plain HTTP is supported; user information in the URL is
 * rejected so no credential ends up in a {@code Host} header or a report.
 *
 * @param endpoint where to connect
 * @param pathAndQuery origin-form request target, never empty (at least {@code /})
 */
public record HttpTarget(HttpEndpoint endpoint, String pathAndQuery) {

    /**
     * Parses {@code url}.
     *
     * @throws IllegalArgumentException with a message safe to print (it does not echo the URL)
     *     when the URL is malformed, not {@code http}, or carries user information
     */
    public static HttpTarget parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            throw new IllegalArgumentException(
                    "HTTPS is not supported by the load generator yet; use an http:// URL");
        }
        if (!scheme.equals("http")) {
            throw new IllegalArgumentException("only http:// URLs are supported");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("user information in URLs is not supported");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("URL has no host");
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        String hostHeader = uri.getPort() == -1 ? host : host + ":" + port;
        String socketHost = host.startsWith("[") && host.endsWith("]")
                ? host.substring(1, host.length() - 1) : host;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new HttpTarget(new HttpEndpoint(socketHost, port, hostHeader), target);
    }
}
