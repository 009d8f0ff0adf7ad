package io.coffer.core.cubbyhole;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.core.storage.StorageTrees;
import io.coffer.core.token.TokenEntry;
import io.coffer.core.token.TokenHasher;
import io.coffer.sdk.framework.FrameworkBackend;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.StorageEntry;
import io.coffer.sdk.logical.exception.InternalException;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The per-token private key-value store at {@code cubbyhole/}: each token sees only its own
 * entries (stored under the HMAC of the token), and they are destroyed when it is revoked.
 */
public final class CubbyholeBackend extends FrameworkBackend {

    private final Store store;

    public CubbyholeBackend(Storage storage, TokenHasher hasher) {
        this(new Store(storage, hasher));
    }

    private CubbyholeBackend(Store store) {
        super(List.of(paths(store)));
        this.store = store;
    }

    /** Deletes every entry of a revoked token. */
    public void destroy(TokenEntry token) {
        store.destroy(token);
    }

    /** The token-scoped storage and its JSON codec. */
    private record Store(Storage storage, TokenHasher hasher, ObjectMapper json) {
        Store(Storage storage, TokenHasher hasher) {
            this(storage, hasher, new ObjectMapper());
        }

        String key(Request req, String path) {
            String token = req.caller().token();
            if (token.isEmpty()) {
                throw new InvalidRequestException("client token empty");
            }
            return hasher.hash(token) + "/" + path;
        }

        /** Deletes every entry of a revoked token. */
        void destroy(TokenEntry token) {
            StorageTrees.deleteTree(storage, hasher.hash(token.id()) + "/");
        }
    }

    private static Path paths(Store s) {
        return Path.builder("{path:.*}")
                .operation(Operation.READ, (req, data) -> {
                    StorageEntry e = s.storage().get(s.key(req, data.raw().get("path").toString()));
                    if (e == null) {
                        throw new NotFoundException();
                    }
                    try {
                        return Response.of(s.json().readValue(e.value(), new TypeReference<Map<String, Object>>() { }));
                    } catch (IOException ex) {
                        throw new InternalException("stored cubbyhole entry is unreadable");
                    }
                })
                .write((req, data) -> {
                    String path = data.raw().get("path").toString();
                    if (path.isEmpty()) {
                        throw new InvalidRequestException("missing path");
                    }
                    if (req.data().isEmpty()) {
                        throw new InvalidRequestException("missing data fields");
                    }
                    try {
                        s.storage().put(new StorageEntry(s.key(req, path), s.json().writeValueAsBytes(req.data())));
                    } catch (IOException ex) {
                        throw new InternalException("failed to encode cubbyhole entry");
                    }
                    return Response.noContent();
                })
                .operation(Operation.DELETE, (req, data) -> {
                    s.storage().delete(s.key(req, data.raw().get("path").toString()));
                    return Response.noContent();
                })
                .operation(Operation.LIST, (req, data) -> {
                    String path = data.raw().get("path").toString();
                    String prefix = path.isEmpty() || path.endsWith("/") ? path : path + "/";
                    return Response.ofKeys(s.storage().list(s.key(req, prefix)));
                })
                .build();
    }
}
