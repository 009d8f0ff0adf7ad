package io.coffer.cli.api;

import java.util.List;

/**
 * A non-2xx/3xx answer from the server (Go's {@code api.ResponseError}).
 *
 * <p>{@link #getMessage()} is formatted exactly as the vault CLI prints it:
 *
 * <pre>
 * Error making API request.
 *
 * URL: PUT http://127.0.0.1:8200/v1/secret/data/foo
 * Code: 403. Errors:
 *
 * * permission denied
 * </pre>
 *
 * It never contains the request's token. When the server answered 404 with a full envelope (a KV
 * v2 deleted version), {@link #secret()} holds it.
 */
public final class ApiException extends ClientException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final String url;
    private final int statusCode;
    private final List<String> errors;
    private final boolean rawError;
    private final String namespace;
    private final transient Secret secret;

    /** Creates the error for one response. */
    public ApiException(
            String method,
            String url,
            int statusCode,
            List<String> errors,
            boolean rawError,
            String namespace,
            Secret secret) {
        super(format(method, url, statusCode, errors, rawError, namespace), null);
        this.method = method;
        this.url = url;
        this.statusCode = statusCode;
        this.errors = List.copyOf(errors);
        this.rawError = rawError;
        this.namespace = namespace;
        this.secret = secret;
    }

    private static String format(
            String method,
            String url,
            int status,
            List<String> errors,
            boolean raw,
            String namespace) {
        StringBuilder sb = new StringBuilder("Error making API request.\n\n");
        if (namespace != null && !namespace.isEmpty()) {
            sb.append("Namespace: ").append(namespace).append('\n');
        }
        sb.append("URL: ").append(method).append(' ').append(url).append('\n');
        sb.append("Code: ").append(status).append(". ").append(raw ? "Raw Message" : "Errors");
        sb.append(":\n\n");
        if (raw && errors.size() == 1) {
            sb.append(errors.get(0));
        } else {
            for (String e : errors) {
                sb.append("* ").append(e);
            }
        }
        return sb.toString();
    }

    public String method() {
        return method;
    }

    public String url() {
        return url;
    }

    public int statusCode() {
        return statusCode;
    }

    /** The server's error strings (the raw body when {@link #rawError()}). */
    public List<String> errors() {
        return errors;
    }

    public boolean rawError() {
        return rawError;
    }

    public String namespace() {
        return namespace;
    }

    /** The envelope that came with the error (404 with data or warnings), or null. */
    public Secret secret() {
        return secret;
    }
}
