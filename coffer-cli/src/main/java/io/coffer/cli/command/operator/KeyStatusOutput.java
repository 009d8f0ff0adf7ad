package io.coffer.cli.command.operator;

import io.coffer.cli.api.Secret;
import io.coffer.cli.json.JsonStruct;
import io.coffer.cli.output.Columns;
import io.coffer.cli.output.GoTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

    private final long term;
    private final OffsetDateTime installTime;
    private final String rawInstallTime;
    private final long encryptions;

    /** Reads the fields of a key-status {@code data} object. */
    KeyStatusOutput(Map<String, Object> data) {
        this.term = Secret.longValue(data.get("term"));
        this.rawInstallTime = Secret.string(data.get("install_time"));
        this.installTime = GoTime.parse(rawInstallTime);
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

    /** Go's {@code time.RFC3339Nano}: fraction without trailing zeros, {@code Z} for UTC. */
    static String rfc3339Nano(OffsetDateTime t) {
        return GoTime.rfc3339Nano(t);
    }
}
