package io.coffer.raft;

import org.apache.ratis.util.ExitUtils;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps Apache Ratis from ending the JVM. Out of the box Ratis calls {@code System.exit(1)} when
 * its gRPC server cannot bind (a taken Raft port would kill the whole Coffer process), and the
 * first such call installs a JVM-wide default uncaught-exception handler that exits on any
 * uncaught exception in any thread. Before the first Ratis server starts, this turns both off
 * in Ratis's own process-wide switches (a failed bind then surfaces as an exception from
 * {@code RaftServer.start()}) and puts back whatever default handler was there before.
 * Idempotent and thread-safe; it only ever touches Ratis's global state, once.
 */
final class RatisProcessGuard {
    private static final AtomicBoolean DONE = new AtomicBoolean();

    private RatisProcessGuard() {
    }

    static void apply() {
        if (DONE.get()) {
            return;
        }
        synchronized (DONE) {
            if (DONE.get()) {
                return;
            }
            Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
            ExitUtils.disableSystemExit();
            ExitUtils.setTerminateOnUncaughtException(false);
            Thread.setDefaultUncaughtExceptionHandler(previous);
            DONE.set(true);
        }
    }
}
