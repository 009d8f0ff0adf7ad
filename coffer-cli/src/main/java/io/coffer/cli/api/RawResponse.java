package io.coffer.cli.api;

/** One HTTP response: status code and the full body (empty array when there was none). */
public record RawResponse(int status, byte[] body) {
    /** Normalizes a missing body to an empty array. */
    public RawResponse {
        body = body == null ? new byte[0] : body;
    }
}
