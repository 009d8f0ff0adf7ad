package io.coffer.cli.api;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * TLS context is initialized at all.
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
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(timeout);
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        HttpRequest.BodyPublisher body =
                request.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body());
        b.method(request.method(), body);
        try {
            HttpResponse<byte[]> resp = client().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new RawResponse(resp.statusCode(), resp.body());
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
