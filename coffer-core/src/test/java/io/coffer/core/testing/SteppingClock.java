package io.coffer.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock for tests that only moves when told to, so TTL rules can be checked to the
 * second. Safe to read from other threads (the expiry timer) while a test moves it.
 */
public final class SteppingClock extends Clock {
    /** A fixed, round starting point: 2024-01-01T00:00:00Z. */
    public static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private volatile Instant now;

    /** A clock standing at {@link #START}. */
    public SteppingClock() {
        this(START);
    }

    /** A clock standing at {@code start}. */
    public SteppingClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock forward by {@code seconds}. */
    public synchronized void advanceSeconds(long seconds) {
        now = now.plus(Duration.ofSeconds(seconds));
    }

    /** The current time in Unix seconds. */
    public long epochSecond() {
        return now.getEpochSecond();
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("a SteppingClock is always UTC");
        }
        return this;
    }
}
