package io.coffer.cli.api;

import java.net.URI;
import java.util.Map;

/**
 * One HTTP request as the client sends it: method (including {@code LIST} and {@code PATCH}),
 * absolute URI, headers and an optional body.
 *
 * <p>{@link #toString()} never shows the {@code X-Vault-Token} header or the body, so a request
 * that ends up in a log or an assertion message does not leak the token or secret data.
 *
 * @param body the request body, or null for none
 */
public record RawRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

    @Override
    public String toString() {
        return "RawRequest[" + method + " " + uri + ", headers=" + headers.keySet() + ", body="
                + (body == null ? "none" : body.length + " bytes") + "]";
    }
}
