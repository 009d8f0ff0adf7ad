package io.coffer.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs one {@link Scenario} as a fixed-duration closed loop: N client threads, each with its own
 * keep-alive connection, loop request → response for the warm-up and then for the measurement
 * window; only responses arriving inside the window are counted.
 *
 * <p>Bounded: no request starts after the window closes; threads still waiting for a response
 * {@code grace} after that have their connection closed and the request counted as
 * {@code unfinished}, so {@link #run} returns within warm-up + duration + grace + about a second
 * whatever the server does.
 */
public final class LoadRunner {
    private static final long ABORT_JOIN_MILLIS = 1_000;

    private final Duration timeout;
    private final Duration grace;

    /**
     * @param timeout bound on connecting and on each wait for response bytes
     * @param grace how long after the window closes in-flight requests may still finish
     */
    public LoadRunner(Duration timeout, Duration grace) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.grace = Objects.requireNonNull(grace, "grace");
    }

    /**
     * Runs {@code scenario} with {@code clients} concurrent connections.
     *
     * @throws IllegalStateException if a client thread failed with an unexpected exception
     */
    public RunResult run(Scenario scenario, int clients, Duration warmup, Duration duration)
            throws InterruptedException {
        if (clients < 1) {
            throw new IllegalArgumentException("clients must be at least 1");
        }
        if (duration.isNegative() || duration.isZero() || warmup.isNegative()) {
            throw new IllegalArgumentException("duration must be positive and warm-up not negative");
        }
        List<KeepAliveHttpClient> connections = new ArrayList<>(clients);
        for (int i = 0; i < clients; i++) {
            KeepAliveHttpClient client = new KeepAliveHttpClient(scenario.endpoint(), timeout);
            try {
                client.connect();
            } catch (IOException e) {
                // the worker reconnects on its first request and counts the failure there
            }
            connections.add(client);
        }
        long measureStart = System.nanoTime() + warmup.toNanos();
        long measureEnd = measureStart + duration.toNanos();
        List<ClientWorker> workers = new ArrayList<>(clients);
        List<Thread> threads = new ArrayList<>(clients);
        for (int i = 0; i < clients; i++) {
            ClientWorker worker = new ClientWorker(connections.get(i), scenario.requests(), scenario.check(),
                    scenario.firstIndexFor(i, clients), measureStart, measureEnd);
            Thread thread = new Thread(worker, "bench-" + scenario.name() + "-" + i);
            thread.setDaemon(true);
            workers.add(worker);
            threads.add(thread);
        }
        try {
            threads.forEach(Thread::start);
            awaitOrAbort(workers, threads, measureEnd + grace.toNanos());
        } finally {
            connections.forEach(KeepAliveHttpClient::close);
        }
        return collect(scenario, clients, duration, workers, threads);
    }

    private static void awaitOrAbort(List<ClientWorker> workers, List<Thread> threads, long deadline)
            throws InterruptedException {
        for (Thread thread : threads) {
            joinUntil(thread, deadline);
        }
        for (int i = 0; i < threads.size(); i++) {
            if (threads.get(i).isAlive()) {
                workers.get(i).abort();
            }
        }
        long abortDeadline = System.nanoTime() + ABORT_JOIN_MILLIS * 1_000_000L;
        for (Thread thread : threads) {
            joinUntil(thread, abortDeadline);
        }
    }

    private static void joinUntil(Thread thread, long deadlineNanos) throws InterruptedException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining > 0) {
            thread.join(Math.max(1, remaining / 1_000_000L));
        }
    }

    private static RunResult collect(Scenario scenario, int clients, Duration duration,
                                     List<ClientWorker> workers, List<Thread> threads) {
        LatencyHistogram histogram = new LatencyHistogram();
        ErrorCounts errors = new ErrorCounts();
        long requests = 0;
        for (int i = 0; i < workers.size(); i++) {
            ClientWorker worker = workers.get(i);
            if (threads.get(i).isAlive()) {
                // never observed in practice: its counters are still being written, so skip them
                // and report the thread as one unfinished request
                errors.recordUnfinished();
                requests++;
                continue;
            }
            if (worker.failure() != null) {
                throw new IllegalStateException("client thread failed", worker.failure());
            }
            histogram.add(worker.histogram());
            errors.add(worker.errors());
            requests += worker.histogram().count() + worker.errors().total();
        }
        return new RunResult(scenario.name(), clients, duration, requests, errors.asMap(), histogram.summary());
    }
}
