package io.coffer.cli.api;

import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * Creates the production {@link Transport} for resolved settings: a {@link JdkHttpTransport}
 * whose TLS context is built from {@code VAULT_CACERT}/{@code VAULT_SKIP_VERIFY} only when the
 * address is {@code https://}.
 *
 * <p>A plain class rather than a lambda: the CLI is start-up bound and lambda bootstrap is not
 * free.
 */
public final class HttpTransports implements Function<ClientSettings, Transport> {

    @Override
    public Transport apply(ClientSettings settings) {
        boolean plain = "http".equalsIgnoreCase(settings.address().getScheme());
        return new JdkHttpTransport(new TlsSupplier(settings), settings.timeout(), plain);
    }

    private static final class TlsSupplier implements java.util.function.Supplier<SSLContext> {
        private final ClientSettings settings;

        TlsSupplier(ClientSettings settings) {
            this.settings = settings;
        }

        @Override
        public SSLContext get() {
            return TlsContexts.create(settings);
        }
    }
}
