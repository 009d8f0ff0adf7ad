package io.coffer.raft;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MembershipFileTest {
    private static final UUID GROUP = UUID.fromString("0b8f7c9e-1d2a-4c3b-9e8f-7a6b5c4d3e2f");

    @Test
    void write_thenRead_roundTripsWithOwnerOnlyMode(@TempDir Path dir) throws Exception {
        assertThat(MembershipFile.read(dir)).isEmpty();
        new MembershipFile(GROUP, "node-a").write(dir);
        assertThat(MembershipFile.read(dir)).contains(new MembershipFile(GROUP, "node-a"));
        Path file = dir.resolve("cluster.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file).replaceAll("\\s", ""))
                .isEqualTo("{\"format_version\":1,\"group_id\":\"" + GROUP + "\",\"node_id\":\"node-a\"}");
        assertThat(Files.exists(dir.resolve("cluster.json.tmp"))).isFalse();
        MembershipFile.delete(dir);
        assertThat(MembershipFile.read(dir)).isEmpty();
    }

    @Test
    void read_invalidFiles_areRefusedNamingTheFileAndTheProblem(@TempDir Path dir) throws Exception {
        String[][] cases = {
                {"{not json", "cannot be read as JSON"},
                {"[1]", "not a JSON object"},
                {"{\"format_version\":2,\"group_id\":\"" + GROUP + "\",\"node_id\":\"a\"}", "format_version 2 is not supported"},
                {"{\"group_id\":\"" + GROUP + "\",\"node_id\":\"a\"}", "format_version is missing"},
                {"{\"format_version\":1,\"group_id\":\"nope\",\"node_id\":\"a\"}", "group_id is not a UUID"},
                {"{\"format_version\":1,\"group_id\":\"" + GROUP + "\"}", "must be non-empty strings"},
                {"{\"format_version\":1,\"group_id\":\"" + GROUP + "\",\"node_id\":\"a\",\"x\":1}", "unknown field x"},
                {"{\"format_version\":1,\"format_version\":1,\"group_id\":\"" + GROUP + "\",\"node_id\":\"a\"}", "cannot be read"},
        };
        for (String[] c : cases) {
            Files.writeString(dir.resolve("cluster.json"), c[0]);
            assertThatThrownBy(() -> MembershipFile.read(dir))
                    .as(c[0])
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(dir.resolve("cluster.json").toString())
                    .hasMessageContaining(c[1]);
        }
    }
}
