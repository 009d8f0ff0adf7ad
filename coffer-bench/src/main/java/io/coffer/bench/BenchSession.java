package io.coffer.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.security.SecureRandom;
import java.util.Random;
import java.util.Set;

/**
 * One benchmark invocation: checks that every target accepts connections, sets up the login
 * scenarios (auth mounts, role, users, credentials), then runs each scenario at each client count
 * in the configured order (seeding the keys right before the first {@code kv-read}) and returns
 * the results. Progress goes to the given writer, one line per set-up step and per run.
 */
final class BenchSession {
    private static final Duration MAX_GRACE = Duration.ofSeconds(5);
    private static final int MAX_SEED_CONNECTIONS = 16;

    private final BenchSettings settings;
    private final PrintWriter progress;
    private final VaultScenarios vault;
    private final LoginScenarios logins;
    private final LoadRunner runner;

    BenchSession(BenchSettings settings, PrintWriter progress) {
        this.settings = settings;
        this.progress = progress;
        this.vault = new VaultScenarios(settings.address(), settings.token(), settings.mount(),
                settings.keys(), settings.valueSize(), new Random());
        this.logins = new LoginScenarios(settings.address(), settings.token(), settings.timeout(), new SecureRandom(),
                settings.loginTokenType());
        Duration grace = settings.timeout().compareTo(MAX_GRACE) < 0 ? settings.timeout() : MAX_GRACE;
        this.runner = new LoadRunner(settings.timeout(), grace);
    }

    /**
     * Runs everything.
     *
     * @throws BenchFailure if a target refuses connections, a login set-up fails or seeding fails
     */
    List<RunResult> run() throws InterruptedException {
        preflight();
        List<Scenario> scenarios = new ArrayList<>();
        for (String name : settings.scenarios()) {
            scenarios.add(scenario(name));
        }
        progress.printf("bench: %d scenario(s) x %d client count(s), %s warm-up + %s each%n",
                scenarios.size(), settings.clients().size(), DurationConverter.format(settings.warmup()),
                DurationConverter.format(settings.duration()));
        progress.flush();
        boolean seeded = false;
        List<RunResult> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            if (scenario.name().equals(VaultScenarios.KV_READ) && !seeded) {
                seed();
                seeded = true;
            }
            for (int clients : settings.clients()) {
                progress.printf("bench: %s with %d client(s) ...", scenario.name(), clients);
                progress.flush();
                RunResult result = runner.run(scenario, clients, settings.warmup(), settings.duration());
                progress.printf(" %.1f req/s, %d error(s)%n", result.requestsPerSecond(), result.errors());
                progress.flush();
                results.add(result);
            }
        }
        return results;
    }

    private Scenario scenario(String name) {
        if (name.equals(VaultScenarios.APPROLE_LOGIN)) {
            progress.printf("bench: setting up %s at auth/%s/ (role %s) ...%n", name, settings.approleMount(),
                    LoginScenarios.ROLE);
            progress.flush();
            return logins.approle(settings.approleMount());
        }
        if (name.equals(VaultScenarios.USERPASS_LOGIN)) {
            progress.printf("bench: setting up %s at auth/%s/ (%d user(s)) ...%n", name, settings.userpassMount(),
                    settings.userpassUsers());
            progress.flush();
            return logins.userpass(settings.userpassMount(), settings.userpassUsers());
        }
        if (VaultScenarios.isKnown(name)) {
            return vault.scenario(name);
        }
        HttpTarget target = HttpTarget.parse(name);
        // a foreign URL never gets the Vault token
        return new Scenario(name, target.endpoint(),
                List.of(EncodedRequest.get(target.endpoint(), target.pathAndQuery(), Map.of())));
    }

    private void preflight() {
        Set<HttpEndpoint> endpoints = new LinkedHashSet<>();
        for (String name : settings.scenarios()) {
            endpoints.add(VaultScenarios.isKnown(name) ? settings.address() : HttpTarget.parse(name).endpoint());
        }
        for (HttpEndpoint endpoint : endpoints) {
            try (KeepAliveHttpClient client = new KeepAliveHttpClient(endpoint, settings.timeout())) {
                client.connect();
            } catch (IOException e) {
                throw new BenchFailure("cannot connect to " + endpoint + ": " + e.getMessage());
            }
        }
    }

    private void seed() throws InterruptedException {
        progress.printf("bench: seeding %d key(s) at %s ...%n", settings.keys(), vault.keyPath(0)
                .replaceFirst("key-0$", "key-*"));
        progress.flush();
        int parallelism = Math.min(MAX_SEED_CONNECTIONS, settings.maxClients());
        new KvSeeder(settings.timeout(), settings.token())
                .seed(settings.address(), vault.seedRequests(), parallelism);
    }
}
