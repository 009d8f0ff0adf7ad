package io.coffer.core.token;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Revokes tokens when they expire. The schedule is derived from the stored entries (their
 * {@code expire_time}), never kept only in memory: {@link #start()} rebuilds it from storage on
 * every unseal, and a token past its time is refused at lookup even if the timer is late.
 */
public final class ExpirationManager implements TokenStore.ExpirationScheduler, AutoCloseable {
    private static final Logger LOG = System.getLogger(ExpirationManager.class.getName());

    private final TokenStore tokens;
    private final ScheduledExecutorService timer;

    public ExpirationManager(TokenStore tokens) {
        this.tokens = tokens;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "coffer-expiration");
            t.setDaemon(true);
            return t;
        });
    }

    /** Schedules every stored token and takes over scheduling of new ones. */
    public void start() {
        tokens.setExpirationScheduler(this);
        for (TokenEntry e : tokens.all()) {
            schedule(e);
        }
    }

    @Override
    public void schedule(TokenEntry entry) {
        if (entry.expireTime() <= 0) {
            return;
        }
        long delay = Math.max(0, entry.expireTime() - tokens.nowSeconds());
        String id = entry.id();
        timer.schedule(() -> expire(id), delay, TimeUnit.SECONDS);
    }

    private void expire(String id) {
        try {
            TokenEntry current = tokens.stored(id);
            if (current != null && current.expiredAt(tokens.nowSeconds())) {
                tokens.revokeTree(current);
                LOG.log(Level.DEBUG, "revoked expired token with accessor {0}", current.accessor());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "expiry of a token failed; it stays invalid and is retried on next unseal: {0}",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
