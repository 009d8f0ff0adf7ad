package io.coffer.cli.command.raft;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.CliHarness;
import io.coffer.cli.CliHarness.Result;
import io.coffer.cli.RecordingHttpServer;
import io.coffer.cli.RecordingHttpServer.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code operator raft snapshot save|restore} over the real (streaming) HTTP transport against a
 * loopback server: bytes on disk and on the wire, file mode, and clean-up after failures.
 */
class OperatorRaftSnapshotCommandsTest {
    private static final String SNAPSHOT = "GET /v1/sys/storage/raft/snapshot";

    @TempDir Path home;
    private RecordingHttpServer server;
    private CliHarness cli;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingHttpServer();
        cli = new CliHarness(server, home);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private List<String> filesInHome() throws Exception {
        try (Stream<Path> s = Files.list(home)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // ---------------------------------------------------------------- save

    @Test
    void save_writesTheExactBytesWithMode0600AndNoLeftovers() throws Exception {
        byte[] snapshot = randomBytes(3 * 1024 * 1024 + 17, 1);
        server.onBytes(SNAPSHOT, 200, "application/gzip", snapshot);

        Result r = cli.run("operator", "raft", "snapshot", "save", "raft.snap");

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        Path file = home.resolve("raft.snap");
        assertThat(Files.readAllBytes(file)).isEqualTo(snapshot);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(filesInHome()).containsExactly("raft.snap");
        assertThat(server.requestLines()).containsExactly(SNAPSHOT);
        Request req = server.requests().get(0);
        assertThat(req.header("X-Vault-Token")).isEqualTo("s.test-token");
        assertThat(req.body()).isEmpty();
    }

    @Test
    void save_replacesAnExistingFileAndTightensItsMode() throws Exception {
        Path file = home.resolve("raft.snap");
        Files.write(file, new byte[] {1, 2, 3});
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        byte[] snapshot = randomBytes(4096, 2);
        server.onBytes(SNAPSHOT, 200, "application/gzip", snapshot);

        Result r = cli.run("operator", "raft", "snapshot", "save", "raft.snap");

        assertThat(r.exitCode()).isZero();
        assertThat(Files.readAllBytes(file)).isEqualTo(snapshot);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(filesInHome()).containsExactly("raft.snap");
    }

    @Test
    void save_serverError_exits2RemovesTempFileAndKeepsOldSnapshot() throws Exception {
        Path file = home.resolve("raft.snap");
        Files.write(file, new byte[] {9, 9, 9});
        server.on(SNAPSHOT, 503, "{\"errors\":[\"Vault is sealed\"]}");

        Result r = cli.run("operator", "raft", "snapshot", "save", "raft.snap");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("Error taking the snapshot: Error making API request.\n\n"
                + "URL: GET " + server.address() + "/v1/sys/storage/raft/snapshot\n"
                + "Code: 503. Errors:\n\n* Vault is sealed\n");
        assertThat(Files.readAllBytes(file)).containsExactly(9, 9, 9);
        assertThat(filesInHome()).containsExactly("raft.snap");
    }

    @Test
    void save_serverErrorWithoutPreviousFile_leavesNothingBehind() throws Exception {
        server.on(SNAPSHOT, 500, "{\"errors\":[\"snapshot failed\"]}");

        Result r = cli.run("operator", "raft", "snapshot", "save", "raft.snap");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).endsWith("Code: 500. Errors:\n\n* snapshot failed\n");
        assertThat(filesInHome()).isEmpty();
    }

    @Test
    void save_connectionLostMidStream_exits2AndRemovesTempFile() throws Exception {
        byte[] snapshot = randomBytes(1024 * 1024, 3);
        server.onTruncated(SNAPSHOT, "application/gzip", snapshot, 100 * 1024);

        Result r = cli.run("operator", "raft", "snapshot", "save", "raft.snap");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error taking the snapshot: Get \"" + server.address()
                + "/v1/sys/storage/raft/snapshot\": ");
        assertThat(filesInHome()).isEmpty();
    }

    @Test
    void save_missingDirectory_exits2BeforeAnyRequest() throws Exception {
        Result r = cli.run("operator", "raft", "snapshot", "save", "nodir/raft.snap");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("Error taking the snapshot: open nodir/raft.snap: no such file or directory\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void save_argumentErrors_exit1() {
        Result none = cli.run("operator", "raft", "snapshot", "save");
        Result blank = cli.run("operator", "raft", "snapshot", "save", "  ");

        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).isEqualTo("Incorrect arguments (expected 1, got 0)\n");
        assertThat(blank.exitCode()).isEqualTo(1);
        assertThat(blank.err()).isEqualTo("Output file name is required\n");
        assertThat(server.requests()).isEmpty();
    }

    // ---------------------------------------------------------------- restore

    @Test
    void restore_postsTheFileUnchangedAsOctetStream() throws Exception {
        byte[] snapshot = randomBytes(2 * 1024 * 1024 + 5, 4);
        Files.write(home.resolve("raft.snap"), snapshot);
        server.on("POST /v1/sys/storage/raft/snapshot", 204, null);

        Result r = cli.run("operator", "raft", "snapshot", "restore", "raft.snap");

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(server.requestLines()).containsExactly("POST /v1/sys/storage/raft/snapshot");
        Request req = server.requests().get(0);
        assertThat(req.body()).isEqualTo(snapshot);
        assertThat(req.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(req.header("X-Vault-Token")).isEqualTo("s.test-token");
    }

    @Test
    void restore_force_usesSnapshotForce() throws Exception {
        byte[] snapshot = randomBytes(64 * 1024, 5);
        Files.write(home.resolve("other.snap"), snapshot);
        server.on("POST /v1/sys/storage/raft/snapshot-force", 204, null);

        Result r = cli.run("operator", "raft", "snapshot", "restore", "-force", "other.snap");

        assertThat(r.exitCode()).isZero();
        assertThat(server.requestLines()).containsExactly("POST /v1/sys/storage/raft/snapshot-force");
        assertThat(server.requests().get(0).body()).isEqualTo(snapshot);
    }

    @Test
    void restore_refusedSnapshot_exits2WithVaultError() throws Exception {
        Files.write(home.resolve("raft.snap"), randomBytes(100, 6));
        server.on("POST /v1/sys/storage/raft/snapshot", 400,
                "{\"errors\":[\"could not verify hash file, possibly the snapshot is using a different set of"
                        + " unseal keys; use the snapshot-force API to bypass this check\"]}");

        Result r = cli.run("operator", "raft", "snapshot", "restore", "raft.snap");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("Error installing the snapshot: Error making API request.\n\n"
                + "URL: POST " + server.address() + "/v1/sys/storage/raft/snapshot\n"
                + "Code: 400. Errors:\n\n* could not verify hash file, possibly the snapshot is using a different"
                + " set of unseal keys; use the snapshot-force API to bypass this check\n");
    }

    @Test
    void restore_missingFile_exits2WithoutRequest() {
        Result r = cli.run("operator", "raft", "snapshot", "restore", "missing.snap");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("Error opening snapshot file: open missing.snap: no such file or directory\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void restore_argumentErrors_exit1() {
        Result none = cli.run("operator", "raft", "snapshot", "restore");
        Result two = cli.run("operator", "raft", "snapshot", "restore", "a", "b");

        assertThat(none.err()).isEqualTo("Incorrect arguments (expected 1, got 0)\n");
        assertThat(two.exitCode()).isEqualTo(1);
        assertThat(two.err()).isEqualTo("Incorrect arguments (expected 1, got 2)\n");
    }
}
