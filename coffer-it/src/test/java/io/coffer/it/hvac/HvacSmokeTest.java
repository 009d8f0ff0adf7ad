package io.coffer.it.hvac;

import io.coffer.server.DevServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * hvac, the Python Vault client (Debian's {@code python3-hvac}, which {@code .ci/run}
 * installs), drives a dev server through {@code scripts/hvac-smoke.py}: KV v1/v2, CAS, mounts,
 * policies, a policy-limited token, revocation. Skipped with a message where hvac is absent.
 */
class HvacSmokeTest {

    /** The first Python that can import hvac: Debian's own first, since pyenv shims may shadow it. */
    private static String pythonWithHvac() throws InterruptedException {
        for (String python : new String[]{"/usr/bin/python3", "python3"}) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import hvac").redirectErrorStream(true).start();
                if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return python;
                }
            } catch (IOException e) {
                // not this interpreter
            }
        }
        return null;
    }

    @Test
    void hvacClient_againstDevServer_passesEveryCheck() throws Exception {
        String python = pythonWithHvac();
        Assumptions.assumeTrue(python != null, "python3-hvac is not installed (apt-get install python3-hvac)");
        Path script = Path.of("..", "scripts", "hvac-smoke.py").toAbsolutePath().normalize();
        assertThat(script).exists();
        try (DevServer server = DevServer.start("127.0.0.1:0", null)) {
            Process p = new ProcessBuilder(python, script.toString(), server.address(), server.rootToken())
                    .redirectErrorStream(true).start();
            boolean finished = p.waitFor(60, TimeUnit.SECONDS);
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(finished).isTrue();
            assertThat(output).doesNotContain(server.rootToken());
            assertThat(p.exitValue()).as("hvac smoke output:%n%s", output).isZero();
            assertThat(output).contains("hvac smoke: 16 passed, 0 failed");
        }
    }
}
