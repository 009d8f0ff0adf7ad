package io.coffer.server.http;

import io.coffer.core.Core;
import io.coffer.sdk.logical.exception.InternalException;
import io.coffer.sdk.logical.exception.PayloadTooLargeException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.Consumer;

/**
 * Raft snapshots (contract §10), token required: {@code GET sys/storage/raft/snapshot} streams
 * the core's snapshot as {@code application/gzip} (a failure before the first buffer went out is
 * answered with the normal error envelope; later, the response is aborted), and {@code
 * POST|PUT sys/storage/raft/snapshot[-force]} streams the raw body, at most 64 MiB, to the
 * core's restore and answers 204. Standbys redirect both before they get here.
 */
final class SnapshotRoutes {
    /** The largest snapshot accepted for restore. */
    static final long MAX_SNAPSHOT_BYTES = 64L * 1024 * 1024;
    private static final Logger LOG = System.getLogger(SnapshotRoutes.class.getName());

    private final Core core;
    private final HttpExchange out;

    SnapshotRoutes(Core core, HttpExchange out) {
        this.core = core;
        this.out = out;
    }

    void save(Request request, Response response, Callback callback, String token) {
        String client = VaultHandler.clientAddress(request);
        download(response, callback, body -> core.saveSnapshot(token, client, body));
    }

    /**
     * Streams what {@code producer} writes as the {@code application/gzip} body. A failure before
     * the first buffer went out is rethrown, for the caller's error envelope; a later one aborts
     * the response.
     */
    static void download(Response response, Callback callback, Consumer<OutputStream> producer) {
        DeferredCommitOutput body = new DeferredCommitOutput(response, SnapshotRoutes::head);
        try {
            producer.accept(body);
            body.finish();
        } catch (RuntimeException | IOException e) {
            if (!body.committed()) {
                throw e instanceof RuntimeException r ? r : new InternalException("failed to send the snapshot");
            }
            LOG.log(Level.WARNING, "snapshot download aborted after it began: {0}", e.getClass().getName());
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }

    void restore(Request request, Response response, Callback callback, String token, boolean force) {
        if (request.getLength() > MAX_SNAPSHOT_BYTES) {
            throw tooLarge();
        }
        LimitedInputStream in = new LimitedInputStream(Content.Source.asInputStream(request), MAX_SNAPSHOT_BYTES);
        try {
            core.restoreSnapshot(token, VaultHandler.clientAddress(request), in, force);
        } catch (RuntimeException e) {
            if (in.exceeded()) {
                throw tooLarge();
            }
            throw e;
        }
        if (in.exceeded()) {
            throw tooLarge();
        }
        out.writeEmpty(response, callback, 204);
    }

    private static void head(Response response) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/gzip");
        response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    }

    private static PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException("http: request body too large (limit " + MAX_SNAPSHOT_BYTES + " bytes)");
    }
}
