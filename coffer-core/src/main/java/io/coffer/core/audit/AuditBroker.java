package io.coffer.core.audit;

import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.exception.InternalException;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The audit devices of one serving state and Vault's rules for them. While the table is empty
 * nothing is logged; otherwise an entry counts as logged when at least one device wrote it, and
 * {@link #logRequest}/{@link #logResponse} fail closed (500) when none did. The table lives in the
 * barrier ({@link AuditTableStore}); it is loaded on every activation and changed only through
 * {@link #enable}/{@link #disable}, which persist before the new set of devices takes effect.
 * Thread-safe: requests read an immutable snapshot, table changes are serialised.
 */
public final class AuditBroker implements AutoCloseable {
    static final String REQUEST_FAILED = "no audit backend succeeded in logging the request";
    static final String RESPONSE_FAILED = "no audit backend succeeded in logging the response";
    private static final System.Logger LOG = System.getLogger(AuditBroker.class.getName());
    private static final int SALT_BYTES = 32;

    /** The table as stored, and the devices built from it (a row whose device failed to build has none). */
    private record Snapshot(List<AuditDeviceEntry> table, Map<String, AuditDevice> devices) {
        static Snapshot empty() {
            return new Snapshot(List.of(), Map.of());
        }
    }

    private final AuditTableStore store;
    private final AuditDeviceFactory factory;
    private final Clock clock;
    private final SecureRandom random;
    private final Object changes = new Object();
    private volatile Snapshot snapshot = Snapshot.empty();

    public AuditBroker(AuditTableStore store, AuditDeviceFactory factory, Clock clock, SecureRandom random) {
        this.store = store;
        this.factory = factory;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Loads the stored table and builds its devices. A device that cannot be built stays in the
     * table without a device, so requests fail closed until it is fixed or disabled.
     */
    public void load() {
        synchronized (changes) {
            List<AuditDeviceEntry> table = store.load();
            Map<String, AuditDevice> devices = new LinkedHashMap<>();
            for (AuditDeviceEntry e : table) {
                try {
                    devices.put(e.path(), factory.create(e, false));
                } catch (RuntimeException ex) {
                    LOG.log(System.Logger.Level.ERROR, "audit device " + e.path() + " could not be set up: "
                            + ex.getClass().getSimpleName());
                }
            }
            Snapshot previous = snapshot;
            snapshot = new Snapshot(table, Map.copyOf(devices));
            previous.devices().values().forEach(AuditDevice::close);
        }
    }

    /** The enabled devices' rows, sorted by path. */
    public List<AuditDeviceEntry> entries() {
        return snapshot.table();
    }

    /** Whether any device is enabled. */
    public boolean enabled() {
        return !snapshot.table().isEmpty();
    }

    /**
     * Enables a device at {@code path} ({@code type}, {@code description}, {@code options},
     * {@code local}): checks the type and options, gives it a fresh random salt, writes Vault's
     * test entry ({@code sys/audit/test}) through it, then stores the table. Nothing is stored
     * when any step fails.
     *
     * @throws InvalidRequestException for a taken or overlapping path, a bad type or option, or a
     *                                 file that cannot be written
     */
    public void enable(String path, String type, String description, Map<String, String> options, boolean local) {
        synchronized (changes) {
            Snapshot current = snapshot;
            for (AuditDeviceEntry e : current.table()) {
                if (e.path().startsWith(path) || path.startsWith(e.path())) {
                    throw new InvalidRequestException("path already in use");
                }
            }
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            AuditDeviceEntry entry = new AuditDeviceEntry(path, type, description, options, local,
                    UUID.randomUUID().toString(), Base64.getEncoder().encodeToString(salt));
            Arrays.fill(salt, (byte) 0);
            AuditDevice device = factory.create(entry, true);
            try {
                device.logRequest(testProbe(), clock.instant());
            } catch (IOException | RuntimeException e) {
                device.close();
                throw new InvalidRequestException("audit device " + path + " failed its test write: " + reason(e));
            }
            List<AuditDeviceEntry> table = new ArrayList<>(current.table());
            table.add(entry);
            table.sort(Comparator.comparing(AuditDeviceEntry::path));
            try {
                store.save(table);
            } catch (RuntimeException e) {
                device.close();
                throw e;
            }
            Map<String, AuditDevice> devices = new HashMap<>(current.devices());
            devices.put(path, device);
            snapshot = new Snapshot(List.copyOf(table), Map.copyOf(devices));
        }
    }

    /** Disables the device at {@code path}; {@code false} when there is none (a no-op, as in Vault). */
    public boolean disable(String path) {
        synchronized (changes) {
            Snapshot current = snapshot;
            List<AuditDeviceEntry> table = new ArrayList<>(current.table());
            if (!table.removeIf(e -> e.path().equals(path))) {
                return false;
            }
            store.save(table);
            Map<String, AuditDevice> devices = new HashMap<>(current.devices());
            AuditDevice removed = devices.remove(path);
            snapshot = new Snapshot(List.copyOf(table), Map.copyOf(devices));
            if (removed != null) {
                removed.close();
            }
            return true;
        }
    }

    /**
     * The HMAC of {@code input} with the salt of the device at {@code path}.
     *
     * @throws InvalidRequestException when no device is enabled there
     */
    public String hash(String path, String input) {
        AuditDevice device = snapshot.devices().get(path);
        if (device == null) {
            throw new InvalidRequestException("unknown audit backend " + path);
        }
        return device.hash(input);
    }

    /**
     * Writes the request entry before the backend runs.
     *
     * @throws InternalException when devices are enabled and none wrote the entry
     */
    public void logRequest(AuditInput in) {
        if (!write(in, false)) {
            throw new InternalException(REQUEST_FAILED);
        }
    }

    /**
     * Writes the response entry (or the failure entry) before the answer leaves.
     *
     * @throws InternalException when devices are enabled and none wrote the entry
     */
    public void logResponse(AuditInput in) {
        if (!write(in, true)) {
            throw new InternalException(RESPONSE_FAILED);
        }
    }

    /**
     * Writes the request entry of a request refused before it reached its backend (no route,
     * bad token, denied). Best effort, as in Vault: the client gets the refusal either way.
     */
    public void logRejected(AuditInput in) {
        if (!write(in, false)) {
            LOG.log(System.Logger.Level.ERROR, "failed to audit a refused request: " + REQUEST_FAILED);
        }
    }

    /** Whether the entry counts as logged: no device enabled, or at least one wrote it. */
    private boolean write(AuditInput in, boolean response) {
        Snapshot s = snapshot;
        if (s.table().isEmpty()) {
            return true;
        }
        boolean written = false;
        Instant now = clock.instant();
        for (AuditDevice device : s.devices().values()) {
            try {
                if (response) {
                    device.logResponse(in, now);
                } else {
                    device.logRequest(in, now);
                }
                written = true;
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "audit device " + device.path() + " failed to write a "
                        + (response ? "response" : "request") + " entry: " + reason(e));
            }
        }
        return written;
    }

    /** Vault's probe entry, written once through a device being enabled. */
    private static AuditInput testProbe() {
        Request probe = Request.of(UUID.randomUUID().toString(), Operation.UPDATE, "sys/audit/test",
                Map.of("test", "data"));
        return AuditInput.of(probe, "", null, null);
    }

    /**
     * A failure's reason fit for a log line or a client: file-system errors name the file (an
     * operator setting) and the cause; anything else only its type, since the message of an
     * unexpected exception might carry request values.
     */
    static String reason(Exception e) {
        if (e instanceof FileSystemException f) {
            String why = f.getReason() != null ? f.getReason()
                    : f instanceof NoSuchFileException ? "no such file or directory"
                    : f instanceof AccessDeniedException ? "permission denied"
                    : e.getClass().getSimpleName();
            return f.getFile() == null ? why : f.getFile() + ": " + why;
        }
        if (e instanceof IOException && e.getMessage() != null) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName();
    }

    /** Drops the devices (on seal or deactivation); the stored table is kept. */
    @Override
    public void close() {
        synchronized (changes) {
            Snapshot s = snapshot;
            snapshot = Snapshot.empty();
            for (AuditDevice d : s.devices().values()) {
                d.close();
            }
        }
    }
}
