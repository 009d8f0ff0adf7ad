package io.coffer.cli.api;

/**
 * The request never got an HTTP answer (connection refused, TLS or DNS failure, timeout).
 *
 * <p>The message follows Go's {@code *url.Error} text the vault CLI prints, e.g. {@code Get
 * "http://127.0.0.1:8200/v1/sys/seal-status": dial tcp 127.0.0.1:8200: connect: connection
 * refused}.
 */
public final class TransportException extends ClientException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with its full message and cause. */
    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
