package io.coffer.core.token;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Revokes tokens, and with them their children, when they expire. The schedule is derived from
 * the stored entries (their {@code expire_time}), never kept only in memory: {@link #start()}
 * rebuilds it from storage on every activation (so a token that expired while the node was
 * sealed or standing by is revoked at once), and a token past its time is refused at lookup
 * even if the timer is late. One timer per token: a renewal replaces it, a revocation cancels
 * it, and a timer that fires early (the clock moved back) sets itself again.
 */
public final class ExpirationManager implements TokenStore.ExpirationScheduler, AutoCloseable {
    private static final Logger LOG = System.getLogger(ExpirationManager.class.getName());

    private final TokenStore tokens;
    private final ScheduledExecutorService timer;
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

    public ExpirationManager(TokenStore tokens) {
        this.tokens = tokens;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "coffer-expiration");
            t.setDaemon(true);
            return t;
        });
        tokens.addRevocationListener(entry -> cancel(entry.id()));
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
        if (entry.expireTime() <= 0 || timer.isShutdown()) {
            return;
        }
        long delay = Math.max(0, entry.expireTime() - tokens.nowSeconds());
        String id = entry.id();
        pending.compute(id, (k, previous) -> {
            if (previous != null) {
                previous.cancel(false);
            }
            return timer.schedule(() -> expire(id), delay, TimeUnit.SECONDS);
        });
    }

    /** How many tokens have a pending expiry timer (for tests and metrics). */
    public int pendingCount() {
        return pending.size();
    }

    private void cancel(String id) {
        ScheduledFuture<?> f = pending.remove(id);
        if (f != null) {
            f.cancel(false);
        }
    }

    private void expire(String id) {
        try {
            TokenEntry current = tokens.stored(id);
            if (current == null) {
                pending.remove(id);
            } else if (current.expiredAt(tokens.nowSeconds())) {
                tokens.revokeTree(current);
                pending.remove(id);
                LOG.log(Level.DEBUG, "revoked expired token with accessor {0}", current.accessor());
            } else {
                schedule(current);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "expiry of a token failed; it stays invalid and is retried on next unseal: {0}",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pending.clear();
    }
}
