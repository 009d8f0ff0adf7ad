package io.coffer.server.config;

import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;

/** A {@code log_level} of Vault's server configuration and the java.util.logging level it maps to. */
public enum LogLevel {
    TRACE(Level.FINEST), DEBUG(Level.FINE), INFO(Level.INFO), WARN(Level.WARNING), ERROR(Level.SEVERE);

    private final Level julLevel;

    LogLevel(Level julLevel) {
        this.julLevel = julLevel;
    }

    /** The java.util.logging level that shows this level and everything more severe. */
    public Level julLevel() {
        return julLevel;
    }

    /** The configuration name, e.g. {@code info}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level named {@code name}, case-insensitively ({@code trace|debug|info|warn|error}), if any. */
    public static Optional<LogLevel> fromConfigName(String name) {
        for (LogLevel l : values()) {
            if (l.configName().equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
