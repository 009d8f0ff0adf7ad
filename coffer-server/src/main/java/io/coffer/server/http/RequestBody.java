package io.coffer.server.http;

import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.PayloadTooLargeException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a limit: a declared {@code Content-Length} over the limit is
 * refused without keeping any of it, a streamed body is cut off one byte past it.
 *
 * <p>Before such a refusal a moderate excess (up to as much again as the limit, at most
 * {@value #MAX_DRAIN_BYTES} bytes) is read and dropped, as Go's server does for Vault: a client
 * still sending its body then gets to read the 413 instead of a connection reset, which the
 * closing server would otherwise cause with unread data in its receive buffer.
 */
final class RequestBody {
    static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;

    private RequestBody() {
    }

    static byte[] read(Request request, long maxBytes) {
        long declared = request.getLength();
        if (declared > maxBytes) {
            if (declared - maxBytes <= drainAllowance(maxBytes)) {
                drain(request, declared);
            }
            throw tooLarge(maxBytes);
        }
        if (declared == 0) {
            return new byte[0];
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                in.skip(drainAllowance(maxBytes));
                throw tooLarge(maxBytes);
            }
            return body;
        } catch (IOException e) {
            throw new InvalidRequestException("failed to read request body");
        }
    }

    private static long drainAllowance(long maxBytes) {
        return Math.min(maxBytes, MAX_DRAIN_BYTES);
    }

    /** Reads and drops up to {@code bytes} of the body; a failure only ends the draining. */
    private static void drain(Request request, long bytes) {
        try (InputStream in = Content.Source.asInputStream(request)) {
            long left = bytes;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        return;
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        } catch (IOException e) {
            // the client went away: there is nobody left to answer
        }
    }

    private static PayloadTooLargeException tooLarge(long maxBytes) {
        return new PayloadTooLargeException("http: request body too large (limit " + maxBytes + " bytes)");
    }
}
