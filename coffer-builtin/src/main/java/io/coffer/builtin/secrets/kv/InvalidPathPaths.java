package io.coffer.builtin.secrets.kv;

import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;

import java.util.List;

/**
 * The catch-all of a KV v2 mount: any path that is not one of the versioned endpoints (for
 * example a KV v1 style {@code {mount}/{path}}) answers 404 with {@code data: null} and a warning
 * naming the {@code vault kv} sub-command to use instead, as Vault does.
 */
final class InvalidPathPaths {

    List<Path> paths() {
        Path.Builder builder = Path.builder("{path:.*}")
                .field(KvFields.PATH, FieldType.STRING, "Any path.")
                .synopsis("Explains that a versioned K/V mount needs its API endpoints.");
        builder.operation(Operation.READ, (request, data) -> answer("get"));
        builder.write((request, data) -> answer("put"));
        builder.operation(Operation.DELETE, (request, data) -> answer("delete"));
        builder.operation(Operation.LIST, (request, data) -> answer("list"));
        builder.operation(Operation.PATCH, (request, data) -> answer("patch"));
        return List.of(builder.build());
    }

    static String warning(String verb) {
        return "Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API endpoints"
                + " to use. If using the Vault CLI, use 'vault kv " + verb + "' for this operation.";
    }

    private static Response answer(String verb) {
        return Response.noContent().withWarning(warning(verb)).withStatus(404);
    }
}
