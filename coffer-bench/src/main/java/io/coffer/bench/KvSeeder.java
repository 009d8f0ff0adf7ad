package io.coffer.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes every key once before {@code kv-read} runs, over a few parallel keep-alive connections,
 * and stops at the first failure with a {@link BenchFailure} that names the request, the status
 * and the server's answer (with any occurrence of the token masked).
 */
final class KvSeeder {
    private static final int MAX_SHOWN_BODY = 300;

    private final Duration timeout;
    private final String token;

    KvSeeder(Duration timeout, String token) {
        this.timeout = timeout;
        this.token = token;
    }

    /** Sends each of {@code writes} once using up to {@code parallelism} connections. */
    void seed(HttpEndpoint endpoint, List<EncodedRequest> writes, int parallelism) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        int threadCount = Math.max(1, Math.min(parallelism, writes.size()));
        List<Thread> threads = new ArrayList<>(threadCount);
        List<KeepAliveHttpClient> clients = new ArrayList<>(threadCount);
        for (int t = 0; t < threadCount; t++) {
            KeepAliveHttpClient client = new KeepAliveHttpClient(endpoint, timeout);
            clients.add(client);
            Thread thread = new Thread(() -> seedLoop(client, writes, next, failure), "bench-seed-" + t);
            thread.setDaemon(true);
            threads.add(thread);
        }
        try {
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
        } finally {
            clients.forEach(KeepAliveHttpClient::close);
        }
        if (failure.get() != null) {
            throw new BenchFailure(failure.get());
        }
    }

    private void seedLoop(KeepAliveHttpClient client, List<EncodedRequest> writes, AtomicInteger next,
                          AtomicReference<String> failure) {
        int i;
        while (failure.get() == null && (i = next.getAndIncrement()) < writes.size()) {
            EncodedRequest request = writes.get(i);
            try {
                int status = client.exchange(request);
                if (status < 200 || status >= 300) {
                    failure.compareAndSet(null, "seeding failed: " + request + " returned " + status
                            + describeBody(client.lastBody()));
                }
            } catch (IOException e) {
                failure.compareAndSet(null, "seeding failed: " + request + ": " + e);
            }
        }
    }

    private String describeBody(String body) {
        String shown = body.strip();
        if (token != null && !token.isEmpty()) {
            shown = shown.replace(token, "<token>");
        }
        if (shown.isEmpty()) {
            return "";
        }
        return ": " + (shown.length() > MAX_SHOWN_BODY ? shown.substring(0, MAX_SHOWN_BODY) + "…" : shown);
    }
}
