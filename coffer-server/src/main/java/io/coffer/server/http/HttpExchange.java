package io.coffer.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.sdk.logical.exception.InternalException;
import io.coffer.sdk.logical.exception.LogicalException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON answers the way every Vault client expects: {@code Content-Type:
 * application/json} exactly, {@code Cache-Control: no-store}, bare or enveloped bodies, and
 * {@code {"errors":[...]}} for failures.
 */
final class HttpExchange {
    private static final String JSON = "application/json";
    private final ObjectMapper json;

    HttpExchange(ObjectMapper json) {
        this.json = json;
    }

    void writeJson(Response response, Callback callback, int status, Object body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new InternalException("failed to encode response", e);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** No body (204, HEAD); Vault still sends {@code Content-Type: application/json} here. */
    void writeEmpty(Response response, Callback callback, int status) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, null, callback);
    }

    void writeErrors(Response response, Callback callback, int status, List<String> errors) {
        writeJson(response, callback, status, Map.of("errors", errors));
    }

    /** A logical failure as {@code {"errors":[...]}} with the status {@link ErrorStatus} gives it. */
    void writeFailure(Response response, Callback callback, LogicalException failure) {
        writeErrors(response, callback, ErrorStatus.of(failure), failure.errors());
    }

    /** 307 to {@code location} with an empty body: a standby sending the client to the active node. */
    void writeRedirect(Response response, Callback callback, String location) {
        response.getHeaders().put(HttpHeader.LOCATION, location);
        writeEmpty(response, callback, 307);
    }
}
