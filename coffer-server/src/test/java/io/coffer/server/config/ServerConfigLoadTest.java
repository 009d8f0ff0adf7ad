package io.coffer.server.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerConfigLoadTest {

    @TempDir
    Path dir;

    private final ServerConfigParser parser = new ServerConfigParser();

    @Test
    void load_hclFile_readsIt() throws IOException {
        Path file = write("server.hcl", ServerConfigParserTest.FULL_HCL);

        assertThat(parser.load(List.of(file))).isEqualTo(parser.parse("server.hcl", ServerConfigParserTest.FULL_HCL));
    }

    @Test
    void load_jsonFile_readsItAsJsonByExtension() throws IOException {
        Path file = write("server.json", ServerConfigParserTest.FULL_JSON);

        assertThat(parser.load(List.of(file)).storage()).isInstanceOf(StorageConfig.Raft.class);
    }

    @Test
    void load_severalFiles_addsListenersAndMergesSettings() throws IOException {
        Path a = write("a.hcl", "storage \"inmem\" {}\nlistener \"tcp\" { tls_disable = true }\n");
        Path b = write("b.json", "{\"listener\": {\"tcp\": {\"address\": \"127.0.0.1:9000\", \"tls_disable\": true}}, \"log_level\": \"warn\"}");

        ServerConfig c = parser.load(List.of(a, b));

        assertThat(c.listeners()).extracting(TcpListener::port).containsExactly(8200, 9000);
        assertThat(c.logLevel()).isEqualTo(LogLevel.WARN);
    }

    @Test
    void load_directory_readsHclAndJsonFilesInNameOrder() throws IOException {
        Path conf = Files.createDirectory(dir.resolve("conf.d"));
        Files.writeString(conf.resolve("20-listener.json"), "{\"listener\": {\"tcp\": {\"address\": \"127.0.0.1:9001\", \"tls_disable\": true}}}");
        Files.writeString(conf.resolve("10-listener.hcl"), "listener \"tcp\" {\n address = \"127.0.0.1:9000\"\n tls_disable = 1\n}");
        Files.writeString(conf.resolve("00-storage.hcl"), "storage \"inmem\" {}");
        Files.writeString(conf.resolve("README.txt"), "not a config");

        ServerConfig c = parser.load(List.of(conf));

        assertThat(c.listeners()).extracting(TcpListener::port).containsExactly(9000, 9001);
    }

    @Test
    void load_settingInTwoFiles_namesBothFilesAndLines() throws IOException {
        Path a = write("a.hcl", "storage \"inmem\" {}\nlistener \"tcp\" { tls_disable = true }\napi_addr = \"http://a:8200\"\n");
        Path b = write("b.hcl", "\napi_addr = \"http://b:8200\"\n");

        assertThatThrownBy(() -> parser.load(List.of(a, b)))
                .isInstanceOfSatisfying(ServerConfigException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessage("api_addr at top level on line 2 of " + b + " is already set on line 3 of " + a);
    }

    @Test
    void load_storageInTwoFiles_isRefused() throws IOException {
        Path a = write("a.hcl", "storage \"inmem\" {}\nlistener \"tcp\" { tls_disable = true }\n");
        Path b = write("b.hcl", "storage \"file\" { path = \"/d\" }\n");

        assertThatThrownBy(() -> parser.load(List.of(a, b)))
                .isInstanceOf(ServerConfigException.class)
                .hasMessage("a second storage block on line 1 of " + b + "; the first is on line 1 of " + a + " and only one is allowed");
    }

    @Test
    void load_missingFile_saysSo() {
        Path missing = dir.resolve("nope.hcl");

        assertThatThrownBy(() -> parser.load(List.of(missing)))
                .isInstanceOf(ServerConfigException.class)
                .hasMessage("configuration file " + missing + " does not exist or is not a file");
    }

    @Test
    void load_emptyDirectory_saysSo() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        assertThatThrownBy(() -> parser.load(List.of(empty)))
                .isInstanceOf(ServerConfigException.class)
                .hasMessage("configuration directory " + empty + " holds no .hcl or .json file");
    }

    @Test
    void load_notUtf8_saysSo() throws IOException {
        Path file = dir.resolve("bin.hcl");
        Files.write(file, new byte[]{(byte) 0xff, (byte) 0xfe, 0x00});

        assertThatThrownBy(() -> parser.load(List.of(file)))
                .isInstanceOf(ServerConfigException.class)
                .hasMessage("configuration file " + file + " is not UTF-8 text");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
