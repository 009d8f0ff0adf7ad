package io.coffer.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Objects;

/**
 * A minimal HTTP/1.1 client holding one persistent plain-TCP connection (blocking
 * {@link Socket}, {@code TCP_NODELAY}) to one {@link HttpEndpoint}, for load generation: it
 * sends {@linkplain EncodedRequest pre-encoded requests}, reads each response completely, and
 * reuses the connection until the server asks to close it, then reconnects on the next request.
 *
 * <p>Guarantees: every socket operation is bounded by the timeout given at construction; a
 * request that finds a reused connection already closed by the server (before any response byte)
 * is sent once more on a fresh connection; {@link #close()} may be called from another thread to
 * abort a blocked exchange, and after it the client refuses further use. Apart from
 * {@code close()}, one thread at a time. No TLS.
 */
public final class KeepAliveHttpClient implements Closeable {
    private final HttpEndpoint endpoint;
    private final int timeoutMillis;
    private final byte[] sendBuffer = new byte[8 * 1024];
    private volatile Socket socket;
    private volatile boolean closed;
    private OutputStream out;
    private HttpResponseReader reader;
    private int connectionsOpened;

    /**
     * @param endpoint the server
     * @param timeout bound on connecting and on every wait for response bytes
     */
    public KeepAliveHttpClient(HttpEndpoint endpoint, Duration timeout) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        long millis = timeout.toMillis();
        if (millis < 1 || millis > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout must be between 1 ms and 24 days");
        }
        this.timeoutMillis = (int) millis;
    }

    /** Opens the connection now unless one is open. */
    public void connect() throws IOException {
        if (socket == null) {
            open();
        }
    }

    /**
     * Sends {@code request} and reads the complete response.
     *
     * @return the HTTP status code of the final response
     * @throws IOException if the connection failed, timed out or the response was malformed;
     *     the connection is then dropped and the next call reconnects
     */
    public int exchange(EncodedRequest request) throws IOException {
        boolean reused = socket != null;
        try {
            return attempt(request);
        } catch (IOException e) {
            disconnect();
            boolean staleConnection = e instanceof PrematureCloseException
                    || (e instanceof SocketException && !(e instanceof ConnectException));
            if (!reused || closed || !staleConnection) {
                throw e;
            }
        }
        try {
            return attempt(request);
        } catch (IOException e) {
            disconnect();
            throw e;
        }
    }

    private int attempt(EncodedRequest request) throws IOException {
        connect();
        send(request);
        int status = reader.read();
        if (reader.closeAfter()) {
            disconnect();
        }
        return status;
    }

    /**
     * What {@code check} makes of the last response, whose status {@link #exchange} returned;
     * the check reads the kept body bytes in place (no copy, no decoding).
     */
    public ResponseCheck.Verdict verdict(ResponseCheck check, int status) {
        return reader == null ? check.verdict(status, new byte[0], 0)
                : check.verdict(status, reader.bodyBuffer(), reader.bodyLength());
    }

    /** The body of the last response (at most its first MiB), decoded as UTF-8. */
    public String lastBody() {
        return reader == null ? "" : reader.bodyText();
    }

    /** How many TCP connections this client has opened so far. */
    public int connectionsOpened() {
        return connectionsOpened;
    }

    /** The server this client talks to. */
    public HttpEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Closes the connection for good; safe from any thread, where it makes a blocked
     * {@link #exchange} fail promptly.
     */
    @Override
    public void close() {
        closed = true;
        Socket s = socket;
        if (s != null) {
            closeQuietly(s);
        }
    }

    private void open() throws IOException {
        if (closed) {
            throw new IOException("client closed");
        }
        Socket s = new Socket();
        socket = s;
        if (closed) {  // close() ran between the check and the assignment
            closeQuietly(s);
            throw new IOException("client closed");
        }
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout(timeoutMillis);
            s.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), timeoutMillis);
            out = s.getOutputStream();
            reader = new HttpResponseReader(s.getInputStream());
            connectionsOpened++;
        } catch (IOException e) {
            disconnect();
            throw e;
        }
    }

    private void send(EncodedRequest request) throws IOException {
        byte[] head = request.head();
        byte[] body = request.body();
        if (head.length + body.length <= sendBuffer.length) {
            System.arraycopy(head, 0, sendBuffer, 0, head.length);
            System.arraycopy(body, 0, sendBuffer, head.length, body.length);
            out.write(sendBuffer, 0, head.length + body.length);
        } else {
            out.write(head);
            out.write(body);
        }
        out.flush();
    }

    private void disconnect() {
        Socket s = socket;
        socket = null;
        out = null;
        if (s != null) {
            closeQuietly(s);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing useful to do: the socket is being discarded
        }
    }
}
