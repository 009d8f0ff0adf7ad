package io.coffer.server.http;

import io.coffer.builtin.BuiltinRegistry;
import io.coffer.core.Core;
import io.coffer.core.physical.InmemBackend;
import io.coffer.core.seal.InitResult;

import java.security.SecureRandom;
import java.time.Clock;

/** In-memory cores for HTTP tests. */
final class TestCores {
    private TestCores() {
    }

    /** A core that was never initialised. */
    static Core fresh() {
        return new Core(new InmemBackend(), BuiltinRegistry.standard(), Clock.systemUTC(), new SecureRandom());
    }

    /** An initialised, unsealed core and its root token. */
    record Unsealed(Core core, String rootToken) {
    }

    static Unsealed unsealed() {
        Core core = fresh();
        InitResult init = core.initialize(1, 1);
        core.unseal(init.shares().get(0));
        return new Unsealed(core, init.rootToken());
    }
}
