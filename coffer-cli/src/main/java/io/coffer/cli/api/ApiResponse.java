package io.coffer.cli.api;

/**
 * A response together with the request line that produced it, so that errors can name the
 * method and URL as vault does.
 */
public record ApiResponse(String method, String url, int status, byte[] body) {
    /** True for the statuses Vault's Go client treats as success (200-399). */
    public boolean ok() {
        return status >= 200 && status < 400;
    }

    /** True when the body is empty or only whitespace. */
    public boolean emptyBody() {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
