package io.coffer.cli.command.operator;

import io.coffer.cli.api.Secret;
import io.coffer.cli.json.JsonStruct;
import io.coffer.cli.output.Columns;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The active barrier key's status ({@code sys/key-status}) as vault prints it: the columns "Key
 * Term", "Install Time" (Go's RFC 822 layout in UTC) and "Encryption Count", or the JSON of
 * vault's {@code api.KeyStatus} ({@code term}, {@code install_time} in RFC 3339, {@code
 * encryptions}).
 */
final class KeyStatusOutput {
    private static final DateTimeFormatter RFC822 =
            DateTimeFormatter.ofPattern("dd MMM yy HH:mm 'UTC'", Locale.US);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private final long term;
    private final OffsetDateTime installTime;
    private final String rawInstallTime;
    private final long encryptions;

    /** Reads the fields of a key-status {@code data} object. */
    KeyStatusOutput(Map<String, Object> data) {
        this.term = Secret.longValue(data.get("term"));
        this.rawInstallTime = Secret.string(data.get("install_time"));
        this.installTime = parse(rawInstallTime);
        this.encryptions = Secret.longValue(data.get("encryptions"));
    }

    /** vault's {@code printKeyStatus}: three aligned columns without a header. */
    String table() {
        String when = installTime == null
                ? rawInstallTime
                : installTime.withOffsetSameInstant(ZoneOffset.UTC).format(RFC822);
        return Columns.columns(List.of(
                "Key Term | " + term,
                "Install Time | " + when,
                "Encryption Count | " + encryptions), "|");
    }

    /** The JSON of vault's {@code api.KeyStatus}. */
    JsonStruct json() {
        return new JsonStruct()
                .put("term", term)
                .put("install_time", installTime == null ? rawInstallTime : rfc3339Nano(installTime))
                .put("encryptions", encryptions);
    }

    private static OffsetDateTime parse(String s) {
        try {
            return s.isEmpty() ? null : OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Go's {@code time.RFC3339Nano}: fraction without trailing zeros, {@code Z} for UTC. */
    static String rfc3339Nano(OffsetDateTime t) {
        StringBuilder sb = new StringBuilder(t.format(SECONDS));
        int nanos = t.getNano();
        if (nanos != 0) {
            String frac = String.format(Locale.ROOT, "%09d", nanos);
            int end = frac.length();
            while (frac.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(frac, 0, end);
        }
        ZoneOffset off = t.getOffset();
        sb.append(off.getTotalSeconds() == 0 ? "Z" : off.getId());
        return sb.toString();
    }
}
