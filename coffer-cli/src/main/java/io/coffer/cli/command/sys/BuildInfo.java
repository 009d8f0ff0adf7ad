package io.coffer.cli.command.sys;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The CLI's own version, read from the {@code version.properties} resource Maven fills in. */
public final class BuildInfo {
    private BuildInfo() {}

    /** Returns the version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown}. */
    public static String version() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/io/coffer/cli/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
