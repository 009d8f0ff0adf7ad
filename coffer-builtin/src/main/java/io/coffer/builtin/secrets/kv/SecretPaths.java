package io.coffer.builtin.secrets.kv;

import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.GoDuration;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.StorageEntry;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code {mount}/{path}} of a KV v1 mount: read, write (full replace of the whole JSON object),
 * delete and list. A read reports the secret's {@code ttl} field (Go duration or seconds; legacy
 * {@code lease} too) as {@code lease_duration}, else the mount's default TTL.
 */
final class SecretPaths {
    private final Storage mountStorage;
    private final KvCodec codec;
    private final Duration defaultLeaseTtl;

    SecretPaths(Storage mountStorage, KvCodec codec, Duration defaultLeaseTtl) {
        this.mountStorage = mountStorage;
        this.codec = codec;
        this.defaultLeaseTtl = defaultLeaseTtl == null ? Duration.ZERO : defaultLeaseTtl;
    }

    List<Path> paths() {
        return List.of(Path.builder("{path:.*}")
                .field(KvFields.PATH, FieldType.STRING, "Location of the secret.")
                .operation(Operation.READ, this::read)
                .write(this::write)
                .operation(Operation.DELETE, this::delete)
                .operation(Operation.LIST, this::list)
                .existenceCheck((request, data) -> !KvFields.path(data).isEmpty()
                        && storage(request).get(KvFields.path(data)) != null)
                .synopsis("Pass-through secret storage: any JSON object at any path.")
                .build());
    }

    private Response read(Request request, FieldData data) {
        String path = KvFields.path(data);
        StorageEntry entry = path.isEmpty() ? null : storage(request).get(path);
        if (entry == null) {
            throw new NotFoundException();
        }
        Map<String, Object> secret = codec.decodeSecret(entry.value());
        return Response.of(secret).withLeaseDuration(leaseSeconds(secret));
    }

    private Response write(Request request, FieldData data) {
        String path = KvFields.writablePath(data);
        // The secret is the request body itself; FieldData's raw map also holds the path capture.
        Map<String, Object> secret = request.data();
        if (secret.isEmpty()) {
            throw new InvalidRequestException("missing data fields");
        }
        storage(request).put(new StorageEntry(path, codec.encodeSecret(secret)));
        return Response.noContent();
    }

    private Response delete(Request request, FieldData data) {
        String path = KvFields.path(data);
        if (!path.isEmpty()) {
            storage(request).delete(path);
        }
        return Response.noContent();
    }

    private Response list(Request request, FieldData data) {
        String folder = KvFields.path(data);
        if (!folder.isEmpty() && !folder.endsWith("/")) {
            folder = folder + "/";
        }
        return Response.ofKeys(storage(request).list(folder));
    }

    private long leaseSeconds(Map<String, Object> secret) {
        Object raw = secret.containsKey("ttl") ? secret.get("ttl") : secret.get("lease");
        if (raw instanceof Number n) {
            long seconds = n.longValue();
            if (seconds >= 0) {
                return seconds;
            }
        } else if (raw instanceof String s) {
            try {
                Duration d = GoDuration.parse(s);
                if (!d.isNegative()) {
                    return d.getSeconds();
                }
            } catch (IllegalArgumentException e) {
                // an unparsable hint falls back to the mount default, as in Vault
            }
        }
        return defaultLeaseTtl.getSeconds();
    }

    private Storage storage(Request request) {
        return request.storage() != null ? request.storage() : mountStorage;
    }
}
