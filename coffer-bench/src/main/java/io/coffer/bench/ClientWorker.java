package io.coffer.bench;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;

/**
 * The closed loop of one client thread: send a request, wait for its response, record, repeat,
 * until the measurement window closes or the runner aborts it. Owns its client, histogram and
 * error counts; the runner reads them only after the thread has ended.
 */
final class ClientWorker implements Runnable {
    private static final long MAX_BACKOFF_NANOS = 50_000_000L;

    private final KeepAliveHttpClient client;
    private final List<EncodedRequest> requests;
    private final ResponseCheck check;
    private final int firstIndex;
    private final long measureStart;
    private final long measureEnd;
    private final LatencyHistogram histogram = new LatencyHistogram();
    private final ErrorCounts errors = new ErrorCounts();
    private volatile boolean aborted;
    private Throwable failure;

    /**
     * @param measureStart {@link System#nanoTime()} at which the window opens (warm-up before)
     * @param measureEnd {@link System#nanoTime()} at which the window closes; no request starts
     *     at or after it
     */
    ClientWorker(KeepAliveHttpClient client, List<EncodedRequest> requests, ResponseCheck check, int firstIndex,
                 long measureStart, long measureEnd) {
        this.client = client;
        this.requests = requests;
        this.check = check;
        this.firstIndex = firstIndex;
        this.measureStart = measureStart;
        this.measureEnd = measureEnd;
    }

    @Override
    public void run() {
        try {
            loop();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    private void loop() {
        int count = requests.size();
        int index = firstIndex;
        while (!aborted) {
            long start = System.nanoTime();
            if (start - measureEnd >= 0) {
                return;
            }
            EncodedRequest request = requests.get(index);
            index = index + 1 == count ? 0 : index + 1;
            int status = 0;
            IOException failed = null;
            try {
                status = client.exchange(request);
            } catch (IOException e) {
                failed = e;
            }
            long end = System.nanoTime();
            if (failed != null && aborted) {
                if (start - measureStart >= 0) {
                    errors.recordUnfinished();
                }
                return;
            }
            boolean inWindow = end - measureStart >= 0 && end - measureEnd < 0;
            if (failed == null) {
                if (!inWindow) {
                    continue;
                }
                switch (client.verdict(check, status)) {
                    case SUCCESS -> histogram.record(end - start);
                    case WRONG_STATUS -> errors.recordStatus(status);
                    case BAD_BODY -> errors.recordBadBody();
                }
            } else {
                if (inWindow) {
                    if (failed instanceof SocketTimeoutException) {
                        errors.recordTimeout();
                    } else {
                        errors.recordIo();
                    }
                }
                backOff(end);
            }
        }
    }

    /** Pauses briefly after a failure so a down server is not hammered with reconnects. */
    private void backOff(long now) {
        long nanos = Math.min(MAX_BACKOFF_NANOS, measureEnd - now);
        if (nanos > 0) {
            try {
                Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
            } catch (InterruptedException e) {
                aborted = true;
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Makes the loop stop and unblocks a pending exchange by closing the connection. */
    void abort() {
        aborted = true;
        client.close();
    }

    LatencyHistogram histogram() {
        return histogram;
    }

    ErrorCounts errors() {
        return errors;
    }

    Throwable failure() {
        return failure;
    }
}
