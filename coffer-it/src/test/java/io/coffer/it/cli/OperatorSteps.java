package io.coffer.it.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.it.cli.CliSession.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator runbook steps, each run through the coffer CLI in-process and checked for exit
 * code: init, unseal, seal, status, kv reads and writes. Assertion descriptions only ever show
 * standard error, never standard output, which may hold shares or tokens.
 */
public final class OperatorSteps {
    private final CliSession cli;

    public OperatorSteps(CliSession cli) {
        this.cli = cli;
    }

    public CliSession cli() {
        return cli;
    }

    /** {@code operator init -key-shares=N -key-threshold=T -format=json}, parsed. */
    public ShamirKeys init(int shares, int threshold) {
        Result r = cli.run("operator", "init", "-key-shares=" + shares, "-key-threshold=" + threshold, "-format=json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.path("unseal_shares").asInt()).isEqualTo(shares);
        assertThat(j.path("unseal_threshold").asInt()).isEqualTo(threshold);
        ShamirKeys keys = ShamirKeys.fromInitJson(j);
        assertThat(keys.base64()).hasSize(shares);
        assertThat(keys.hex()).hasSize(shares);
        return keys;
    }

    /** {@code operator unseal -format=json KEY}; expects exit 0 and returns the seal status. */
    public JsonNode unseal(String key) {
        Result r = cli.run("operator", "unseal", "-format=json", key);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.json();
    }

    /** Unseals with the given shares in order and checks the node ends up unsealed. */
    public void unsealWith(Iterable<String> keys) {
        JsonNode last = null;
        for (String key : keys) {
            last = unseal(key);
        }
        assertThat(last).isNotNull();
        assertThat(last.path("sealed").asBoolean()).isFalse();
    }

    /** {@code status -format=json}; returns exit code and the parsed status. */
    public Status status() {
        Result r = cli.run("status", "-format=json");
        assertThat(r.exitCode()).as(r.err()).isIn(0, 2);
        return new Status(r.exitCode(), r.json());
    }

    /** {@code operator seal}, expecting vault's success message. */
    public void seal() {
        Result r = cli.run("operator", "seal");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Success! Vault is sealed.\n");
    }

    /** {@code secrets enable -path=secret kv-v2}. */
    public void enableKvV2() {
        Result r = cli.run("secrets", "enable", "-path=secret", "kv-v2");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    /** {@code kv put PATH k=v}. */
    public void kvPut(String path, String key, String value) {
        Result r = cli.run("kv", "put", path, key + "=" + value);
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    /** {@code kv get -field=K PATH}; returns the result (exit code and bare value). */
    public Result kvGetField(String path, String key) {
        return cli.run("kv", "get", "-field=" + key, path);
    }

    /** Exit code and {@code status -format=json} output. */
    public record Status(int exitCode, JsonNode json) {
        public boolean sealed() {
            return json.path("sealed").asBoolean();
        }

        public int progress() {
            return json.path("progress").asInt();
        }
    }
}
