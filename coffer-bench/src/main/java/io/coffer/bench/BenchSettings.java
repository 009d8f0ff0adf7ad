package io.coffer.bench;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The validated configuration of one benchmark invocation. Immutable; {@link #toString()} never
 * shows the token.
 *
 * @param address the Vault-compatible server for the built-in scenarios
 * @param token value for {@code X-Vault-Token}, or null to send none
 * @param mount KV v2 mount path without surrounding slashes
 * @param clients client counts to run each scenario with, in order
 * @param duration measurement window per scenario and client count
 * @param warmup unmeasured load before each window
 * @param scenarios built-in scenario names or {@code http://} URLs, in order, without duplicates
 * @param keys number of distinct KV keys
 * @param valueSize size of the written value in bytes
 * @param format output format
 * @param timeout bound on connecting and on each wait for response bytes
 * @param approleMount AppRole mount path (under {@code auth/}) of {@code approle-login}
 * @param userpassMount userpass mount path (under {@code auth/}) of {@code userpass-login}
 * @param userpassUsers number of distinct users {@code userpass-login} logs in as
 * @param loginTokenType {@code token_type} of the login scenarios' role and users
 */
public record BenchSettings(HttpEndpoint address, String token, String mount, List<Integer> clients,
                            Duration duration, Duration warmup, List<String> scenarios, int keys,
                            int valueSize, OutputFormat format, Duration timeout, String approleMount,
                            String userpassMount, int userpassUsers, String loginTokenType) {

    /** Checks nulls and copies the lists; range checks are the command's job. */
    public BenchSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(mount, "mount");
        clients = List.copyOf(clients);
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warmup, "warmup");
        scenarios = List.copyOf(scenarios);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(approleMount, "approleMount");
        Objects.requireNonNull(userpassMount, "userpassMount");
        Objects.requireNonNull(loginTokenType, "loginTokenType");
    }

    /** The largest client count. */
    public int maxClients() {
        return clients.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    @Override
    public String toString() {
        return "BenchSettings[address=" + address + ", token=" + (token == null ? "none" : "<redacted>")
                + ", mount=" + mount + ", clients=" + clients + ", duration=" + duration
                + ", warmup=" + warmup + ", scenarios=" + scenarios + ", keys=" + keys
                + ", valueSize=" + valueSize + ", format=" + format + ", timeout=" + timeout
                + ", approleMount=" + approleMount + ", userpassMount=" + userpassMount
                + ", userpassUsers=" + userpassUsers + ", loginTokenType=" + loginTokenType + "]";
    }
}
