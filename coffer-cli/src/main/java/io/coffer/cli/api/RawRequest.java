package io.coffer.cli.api;

import java.net.URI;
import java.util.Map;

/**
 * One HTTP request as the client sends it: method (including {@code LIST} and {@code PATCH}),
 * absolute URI, headers and an optional body.
 *
 * @param body the request body, or null for none
 */
public record RawRequest(String method, URI uri, Map<String, String> headers, byte[] body) {}
