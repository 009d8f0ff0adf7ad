package io.coffer.cli.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * {@link Transport} over {@code java.net.http.HttpClient}, HTTP/1.1, following redirects the way
 * Vault's Go client does (307 keeps method and body).
 *
 * <p>The {@code HttpClient} and its TLS context are created on the first exchange only, so
 * commands that never reach the network pay nothing for them; for {@code http://} addresses no
 * TLS context is initialized at all. {@link #download} and {@link #upload} stream their bodies
 * (a file body can be sent again when a standby redirects with 307).
 */
public final class JdkHttpTransport implements Transport {
    private final Supplier<SSLContext> sslContext;
    private final Duration timeout;
    private final boolean plainHttp;
    private HttpClient client;

    /**
     * Creates a transport.
     *
     * @param sslContext supplies the TLS context when the client is first needed
     * @param timeout per-request timeout (Vault's {@code VAULT_CLIENT_TIMEOUT}, default 60 s)
     * @param plainHttp true when the server address is {@code http://}: no TLS context is built
     */
    public JdkHttpTransport(Supplier<SSLContext> sslContext, Duration timeout, boolean plainHttp) {
        this.sslContext = sslContext;
        this.timeout = timeout;
        this.plainHttp = plainHttp;
    }

    @Override
    public RawResponse exchange(RawRequest request) throws IOException {
        HttpRequest.BodyPublisher body =
                request.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpResponse<byte[]> resp = send(build(request, body), HttpResponse.BodyHandlers.ofByteArray());
        return new RawResponse(resp.statusCode(), resp.body());
    }

    @Override
    public RawResponse download(RawRequest request, OutputStream sink) throws IOException {
        HttpRequest.BodyPublisher body =
                request.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpResponse<InputStream> resp = send(build(request, body), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = resp.body()) {
            int status = resp.statusCode();
            if (status < 200 || status >= 300) {
                return new RawResponse(status, in.readAllBytes());
            }
            in.transferTo(sink);
            return new RawResponse(status, null);
        }
    }

    @Override
    public RawResponse upload(RawRequest request, Path body) throws IOException {
        HttpRequest r = build(request, HttpRequest.BodyPublishers.ofFile(body));
        HttpResponse<byte[]> resp = send(r, HttpResponse.BodyHandlers.ofByteArray());
        return new RawResponse(resp.statusCode(), resp.body());
    }

    private HttpRequest build(RawRequest request, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(timeout);
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        return b.method(request.method(), body).build();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        try {
            return client().send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("request interrupted", e);
        }
    }

    private synchronized HttpClient client() {
        if (client == null) {
            HttpClient.Builder b =
                    HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .connectTimeout(timeout);
            if (plainHttp) {
                b.sslContext(new PlainHttpSslContext());
            } else {
                SSLContext ctx = sslContext.get();
                if (ctx != null) {
                    b.sslContext(ctx);
                }
            }
            client = b.build();
        }
        return client;
    }
}
