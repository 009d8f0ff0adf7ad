package io.coffer.server.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Renders errors that Jetty raises itself (ambiguous or malformed URIs, oversized headers)
 * in Vault's JSON error envelope instead of HTML.
 */
public final class JsonErrorHandler extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 400;
        String message = switch (status) {
            case 400 -> "invalid request";
            case 404 -> "not found";
            case 413 -> "request too large";
            case 431 -> "request headers too large";
            default -> "request failed";
        };
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(("{\"errors\":[\"" + message + "\"]}").getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
