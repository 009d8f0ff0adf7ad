package io.coffer.core.audit;

import io.coffer.sdk.framework.GoBool;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The validated options of a {@code file} audit device, with Vault's defaults: {@code file_path}
 * (required; {@code path} is Vault's older spelling; {@code stdout} and {@code discard} are
 * keywords), {@code log_raw} false, {@code hmac_accessor} true, {@code format} {@code json} (the
 * only one), {@code mode} {@code 0600} (octal, no execute bits; {@code 0000} leaves an existing
 * file's mode alone) and {@code prefix} empty. Invalid options are a 400 naming the option, never
 * echoing a value other than the mode or format.
 *
 * @param filePath     where lines go: a file path, {@code stdout} or {@code discard}
 * @param logRaw       whether request and response data are logged without HMAC
 * @param hmacAccessor whether token accessors are HMAC'd
 * @param mode         the permission bits of the file, 0 to leave them alone
 * @param prefix       text written before every JSON line
 */
record FileAuditOptions(String filePath, boolean logRaw, boolean hmacAccessor, int mode, String prefix) {
    static final String STDOUT = "stdout";
    static final String DISCARD = "discard";
    static final int DEFAULT_MODE = 0600;
    private static final Set<String> KNOWN = Set.of("file_path", "path", "log_raw", "hmac_accessor", "format", "mode",
            "prefix");

    /** Parses and checks {@code options}. */
    static FileAuditOptions parse(Map<String, String> options) {
        Set<String> unknown = new TreeSet<>(options.keySet());
        unknown.removeAll(KNOWN);
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("unsupported option(s) for audit device type \"file\": "
                    + String.join(", ", unknown));
        }
        String filePath = options.getOrDefault("file_path", options.getOrDefault("path", "")).trim();
        if (filePath.isEmpty()) {
            throw new InvalidRequestException("file_path is required");
        }
        String format = options.getOrDefault("format", "json");
        if (!format.equals("json")) {
            throw new InvalidRequestException("unsupported audit format \"" + printable(format)
                    + "\": only \"json\" is supported");
        }
        return new FileAuditOptions(filePath, bool(options, "log_raw", false), bool(options, "hmac_accessor", true),
                mode(options.get("mode")), options.getOrDefault("prefix", ""));
    }

    /** Whether lines go to a file (not {@code stdout} or {@code discard}). */
    boolean toFile() {
        return !filePath.equals(STDOUT) && !filePath.equals(DISCARD);
    }

    private static boolean bool(Map<String, String> options, String name, boolean fallback) {
        String raw = options.get(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        Boolean b = GoBool.parse(raw);
        if (b == null) {
            throw new InvalidRequestException("option \"" + name + "\" must be a boolean");
        }
        return b;
    }

    private static int mode(String raw) {
        if (raw == null || raw.isEmpty()) {
            return DEFAULT_MODE;
        }
        int mode;
        try {
            mode = Integer.parseInt(raw, 8);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("option \"mode\" must be an octal file mode, e.g. \"0600\"");
        }
        if (mode < 0 || mode > 0777) {
            throw new InvalidRequestException("option \"mode\" must be an octal file mode between 0000 and 0777");
        }
        if ((mode & 0111) != 0) {
            throw new InvalidRequestException("option \"mode\" must not grant execute permission: " + raw);
        }
        return mode;
    }

    private static String printable(String s) {
        return s.length() > 16 || !s.matches("[A-Za-z0-9_-]*") ? "…" : s;
    }
}
