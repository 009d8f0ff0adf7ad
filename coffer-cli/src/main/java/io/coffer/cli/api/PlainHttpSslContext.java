package io.coffer.cli.api;

import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An {@link SSLContext} for plain {@code http://} addresses that refuses to create TLS engines.
 *
 * <p>{@code HttpClient} insists on an SSL context and otherwise initializes the JDK default one
 * (the JSSE provider and the whole {@code cacerts} store), which costs well over 100 ms of CLI
 * start-up for connections that never use TLS. Using this context for an {@code https://}
 * address fails loudly instead of silently skipping verification.
 */
final class PlainHttpSslContext extends SSLContext {

    PlainHttpSslContext() {
        super(new Spi(), null, "TLS");
    }

    private static final class Spi extends SSLContextSpi {
        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {}

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw new UnsupportedOperationException("TLS is not configured for a plain http address");
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw new UnsupportedOperationException("TLS is not configured for a plain http address");
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw new UnsupportedOperationException("TLS is not configured for a plain http address");
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw new UnsupportedOperationException("TLS is not configured for a plain http address");
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return null;
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return null;
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return new SSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return new SSLParameters();
        }
    }
}
