package io.coffer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.CliHarness.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliRunnerTest {
    @TempDir java.nio.file.Path home;

    private CliHarness cli() {
        return new CliHarness(new FakeTransport(), home);
    }

    @Test
    void run_noArguments_printsUsageToStderrAndExits1() {
        Result r = cli().run();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Usage: coffer <command> [args]");
    }

    @Test
    void run_helpFlag_printsUsageToStdoutAndExits0() {
        Result r = cli().run("-help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Common commands:").contains("    kv ").contains("server");
    }

    @Test
    void run_unknownCommand_namesItAndExits1() {
        Result r = cli().run("frobnicate");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Unknown command \"frobnicate\". Run \"coffer -help\"");
    }

    @Test
    void run_serverCommand_pointsToLauncher() {
        Result r = cli().run("server", "-dev");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("\"server\" command is not part of the Coffer CLI client");
    }

    @Test
    void run_groupWithoutSubcommand_printsGroupHelpAndExits1() {
        Result r = cli().run("kv");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Usage: coffer kv <subcommand>").contains("Subcommands:");
        assertThat(r.err()).contains("    metadata    ").contains("    put         ");
    }

    @Test
    void run_groupHelp_printsToStdoutAndExits0() {
        Result r = cli().run("kv", "metadata", "-h");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: coffer kv metadata <subcommand>");
    }

    @Test
    void run_unknownSubcommand_exits1() {
        Result r = cli().run("token", "explode");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Unknown subcommand \"token explode\".");
    }

    @Test
    void run_commandHelp_showsExamplesAndFlagSections() {
        for (String flag : new String[] {"-h", "-help", "--help"}) {
            Result r = cli().run("kv", "get", flag);
            assertThat(r.exitCode()).isZero();
            assertThat(r.out())
                    .startsWith("Usage: coffer kv get [options] KEY")
                    .contains("$ coffer kv get -mount=secret foo")
                    .contains("HTTP Options:\n\n  -address=<string>\n")
                    .contains("Output Options:\n\n  -field=<string>\n")
                    .contains("Common Options:\n\n  -mount=<string>\n");
        }
    }

    @Test
    void run_everyCommandHelp_hasUsageAndExample() {
        for (CommandCatalog.Entry e : CommandCatalog.commands()) {
            Result r = cli().run((e.name() + " -help").split(" "));
            assertThat(r.exitCode()).as(e.name()).isZero();
            assertThat(r.out()).as(e.name()).startsWith("Usage: coffer " + e.name()).contains("$ coffer ");
        }
    }

    @Test
    void run_versionFlag_printsVersion() {
        Result r = cli().run("-version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Coffer v");
    }

    @Test
    void run_unknownFlag_exits1WithGoMessage() {
        Result r = cli().run("kv", "get", "-bogus", "secret/foo");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("flag provided but not defined: -bogus\n");
    }

    @Test
    void run_badFormat_exits1() {
        Result r = cli().run("read", "-format=xml", "secret/foo");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Invalid output format: xml\n");
    }

    @Test
    void run_wrongArgumentCount_exits1WithVaultMessage() {
        Result r = cli().run("kv", "get");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Not enough arguments (expected 1, got 0)\n");
        r = cli().run("kv", "get", "a", "b");
        assertThat(r.err()).isEqualTo("Too many arguments (expected 1, got 2)\n");
    }

    @Test
    void run_badAddress_exits2() {
        Result r = cli().env("VAULT_ADDR", "127.0.0.1:8200").run("read", "secret/foo");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("parse \"127.0.0.1:8200\"");
    }

    @Test
    void run_badSkipVerify_exits2() {
        Result r = cli().env("VAULT_SKIP_VERIFY", "maybe").run("read", "secret/foo");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("could not parse VAULT_SKIP_VERIFY\n");
    }
}
