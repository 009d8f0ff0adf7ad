package io.coffer.core.system;

import io.coffer.core.barrier.Keyring;
import io.coffer.core.barrier.SecurityBarrier;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code sys/key-status} and {@code sys/rotate}: the barrier keyring's active term. */
final class KeyPaths {
    private final SecurityBarrier barrier;

    KeyPaths(SecurityBarrier barrier) {
        this.barrier = barrier;
    }

    List<Path> paths() {
        return List.of(
                Path.builder("key-status")
                        .operation(Operation.READ, (req, data) -> Response.of(status(barrier.activeTerm())).withTopLevelData())
                        .build(),
                Path.builder("rotate")
                        .write((req, data) -> {
                            barrier.rotate();
                            return Response.noContent();
                        })
                        .build());
    }

    private static Map<String, Object> status(Keyring.Term term) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("term", term.term());
        d.put("install_time", term.installTime().toString());
        d.put("encryptions", 0);
        return d;
    }
}
