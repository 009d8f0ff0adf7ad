package io.coffer.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed requests of one run, counted by kind: each HTTP status the scenario does not accept
 * (any non-2xx; for logins, anything but 200), {@value #BAD_BODY} (the status was right but the
 * body lacked what the scenario needs, e.g. a login answer without {@code auth.client_token}),
 * {@value #IO} (the connection failed), {@value #TIMEOUT} (no answer within the request timeout)
 * and {@value #UNFINISHED} (still waiting when the run was ended).
 *
 * <p>Unsynchronized: each client thread owns one and the runner merges them afterwards.
 */
public final class ErrorCounts {
    /** Key for answers with an accepted status but without what the scenario checks for. */
    public static final String BAD_BODY = "bad-body";
    /** Key for connection failures. */
    public static final String IO = "io";
    /** Key for requests that hit the read timeout. */
    public static final String TIMEOUT = "timeout";
    /** Key for requests abandoned when the run was ended. */
    public static final String UNFINISHED = "unfinished";

    private final long[] byStatus = new long[1000];
    private long badBody;
    private long io;
    private long timeout;
    private long unfinished;

    /** Counts one response with a three-digit HTTP {@code status}. */
    public void recordStatus(int status) {
        if (status < 0 || status >= byStatus.length) {
            throw new IllegalArgumentException("not a three-digit status: " + status);
        }
        byStatus[status]++;
    }

    /** Counts one answer whose body the scenario's check refused. */
    public void recordBadBody() {
        badBody++;
    }

    /** Counts one connection failure. */
    public void recordIo() {
        io++;
    }

    /** Counts one read timeout. */
    public void recordTimeout() {
        timeout++;
    }

    /** Counts one request abandoned at the end of the run. */
    public void recordUnfinished() {
        unfinished++;
    }

    /** Adds every count of {@code other} to this one. */
    public void add(ErrorCounts other) {
        for (int i = 0; i < byStatus.length; i++) {
            byStatus[i] += other.byStatus[i];
        }
        badBody += other.badBody;
        io += other.io;
        timeout += other.timeout;
        unfinished += other.unfinished;
    }

    /** The total number of failed requests. */
    public long total() {
        long total = badBody + io + timeout + unfinished;
        for (long n : byStatus) {
            total += n;
        }
        return total;
    }

    /**
     * The non-zero counts as an unmodifiable map: statuses in ascending order (keys like
     * {@code "500"}), then {@code bad-body}, {@code io}, {@code timeout} and {@code unfinished}.
     */
    public Map<String, Long> asMap() {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < byStatus.length; i++) {
            if (byStatus[i] > 0) {
                map.put(String.valueOf(i), byStatus[i]);
            }
        }
        putIfPositive(map, BAD_BODY, badBody);
        putIfPositive(map, IO, io);
        putIfPositive(map, TIMEOUT, timeout);
        putIfPositive(map, UNFINISHED, unfinished);
        return Collections.unmodifiableMap(map);
    }

    private static void putIfPositive(Map<String, Long> map, String key, long value) {
        if (value > 0) {
            map.put(key, value);
        }
    }
}
