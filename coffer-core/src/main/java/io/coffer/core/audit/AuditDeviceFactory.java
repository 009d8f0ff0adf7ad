package io.coffer.core.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Builds audit devices from table rows. Only type {@code file} exists; any other type, or invalid
 * options, is a 400 with a message naming what is wrong. {@code stdout} is the stream given here
 * (the process's standard output in a server), so nothing reaches for a global.
 */
public final class AuditDeviceFactory {
    static final String TYPE_FILE = "file";

    private final ObjectMapper mapper = new ObjectMapper();
    private final OutputStream stdout;

    /** A factory whose {@code file_path=stdout} devices write to {@code stdout}. */
    public AuditDeviceFactory(OutputStream stdout) {
        this.stdout = stdout;
    }

    /** Checks a row's type and options without building anything. */
    static FileAuditOptions validate(AuditDeviceEntry entry) {
        if (!TYPE_FILE.equals(entry.type())) {
            throw new InvalidRequestException(entry.type().isEmpty() ? "missing audit device type"
                    : "unsupported audit device type \"" + printable(entry.type()) + "\": only \"file\" is supported");
        }
        return FileAuditOptions.parse(entry.options());
    }

    /**
     * The device of {@code entry}. With {@code prepare}, the file is prepared now (its mode set, or
     * its existence checked for mode 0000) and failing that is a 400; without (reloading a stored
     * table on unseal) problems surface at the first write instead, so a broken path fails
     * requests closed rather than the unseal.
     */
    AuditDevice create(AuditDeviceEntry entry, boolean prepare) {
        FileAuditOptions options = validate(entry);
        AuditSink sink = sink(entry, options, prepare);
        AuditHasher hasher = new AuditHasher(Base64.getDecoder().decode(entry.salt()));
        return new AuditDevice(entry, hasher, new AuditFormatter(mapper, hasher, options), sink);
    }

    private AuditSink sink(AuditDeviceEntry entry, FileAuditOptions options, boolean prepare) {
        if (options.filePath().equals(FileAuditOptions.STDOUT)) {
            return new StreamSink(stdout);
        }
        if (options.filePath().equals(FileAuditOptions.DISCARD)) {
            return line -> { };
        }
        Path path;
        try {
            path = Path.of(options.filePath());
        } catch (InvalidPathException e) {
            throw new InvalidRequestException("file_path is not a valid path");
        }
        FileSink sink = new FileSink(path, options.mode());
        if (prepare) {
            try {
                sink.open();
            } catch (IOException e) {
                throw new InvalidRequestException("audit device " + entry.path() + " cannot use file_path "
                        + path + ": " + AuditBroker.reason(e));
            }
        }
        return sink;
    }

    private static String printable(String s) {
        return s.length() > 32 || !s.matches("[A-Za-z0-9_-]*") ? "…" : s;
    }
}
