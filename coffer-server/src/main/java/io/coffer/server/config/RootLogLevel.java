package io.coffer.server.config;

import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * Applies a configured {@link LogLevel} to java.util.logging, which Coffer's own loggers
 * ({@code System.Logger}) and Jetty (through slf4j-jdk14) log to: the root logger and each of its
 * handlers get the level, so both filtering and output follow {@code log_level}.
 */
public final class RootLogLevel {

    private RootLogLevel() {
    }

    /** Sets the JVM-wide root logging level; returns the level that was set before. */
    public static java.util.logging.Level apply(LogLevel level) {
        Logger root = Logger.getLogger("");
        java.util.logging.Level before = root.getLevel();
        root.setLevel(level.julLevel());
        for (Handler h : root.getHandlers()) {
            h.setLevel(level.julLevel());
        }
        return before;
    }
}
