package io.coffer.server.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Generates {@code request_id}s: random version-4 UUIDs from a thread-local generator. Request
 * ids are correlation handles, not secrets, so they need no cryptographic randomness, and
 * this keeps the shared {@code SecureRandom} lock off every request's path.
 */
final class RequestIds {
    private RequestIds() {
    }

    static String next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
