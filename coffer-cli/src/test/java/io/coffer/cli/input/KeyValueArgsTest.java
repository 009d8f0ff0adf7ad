package io.coffer.cli.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cli.json.JsonNumber;
import io.coffer.cli.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyValueArgsTest {
    @TempDir Path dir;

    private KeyValueArgs parser(String stdin) {
        return new KeyValueArgs(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new JsonReader(), dir);
    }

    @Test
    void parse_keyValue_setsString() throws Exception {
        assertThat(parser("").parse(List.of("a=b", "c=d=e")))
                .containsExactly(Map.entry("a", "b"), Map.entry("c", "d=e"));
    }

    @Test
    void parse_emptyValue_isEmptyString() throws Exception {
        assertThat(parser("").parse(List.of("a="))).containsEntry("a", "");
    }

    @Test
    void parse_repeatedKey_becomesList() throws Exception {
        assertThat(parser("").parse(List.of("a=1", "a=2", "a=3")).get("a"))
                .isEqualTo(List.of("1", "2", "3"));
    }

    @Test
    void parse_atFileValue_readsFileVerbatim() throws Exception {
        Files.writeString(dir.resolve("pw.txt"), "s3cr3t\n");
        assertThat(parser("").parse(List.of("password=@pw.txt"))).containsEntry("password", "s3cr3t\n");
    }

    @Test
    void parse_escapedAt_isLiteral() throws Exception {
        assertThat(parser("").parse(List.of("handle=\\@bob"))).containsEntry("handle", "@bob");
    }

    @Test
    void parse_dashValue_readsStdin() throws Exception {
        assertThat(parser("from-stdin\n").parse(List.of("v=-"))).containsEntry("v", "from-stdin\n");
    }

    @Test
    void parse_loneDash_mergesJsonObjectFromStdin() throws Exception {
        Map<String, Object> m = parser("{\"a\":\"x\",\"n\":5,\"nested\":{\"k\":true}}").parse(List.of("-", "b=y"));
        assertThat(m.get("a")).isEqualTo("x");
        assertThat(m.get("n")).isEqualTo(new JsonNumber("5"));
        assertThat(m.get("nested")).isEqualTo(Map.of("k", true));
        assertThat(m.get("b")).isEqualTo("y");
    }

    @Test
    void parse_atJsonFile_mergesObject() throws Exception {
        Files.writeString(dir.resolve("data.json"), "{\"user\":\"bob\"}");
        assertThat(parser("").parse(List.of("@data.json"))).containsEntry("user", "bob");
    }

    @Test
    void parse_stdinTwice_throws() {
        assertThatThrownBy(() -> parser("x").parse(List.of("a=-", "b=-")))
                .isInstanceOf(KeyValueException.class)
                .hasMessage("Invalid key/value pair 'b=-': stdin already consumed");
    }

    @Test
    void parse_noEquals_throwsVaultMessage() {
        assertThatThrownBy(() -> parser("").parse(List.of("oops")))
                .hasMessage("Invalid key/value pair 'oops': format must be key=value");
    }

    @Test
    void parse_missingFile_throwsGoStyleMessage() {
        assertThatThrownBy(() -> parser("").parse(List.of("k=@missing.txt")))
                .hasMessageStartingWith("Invalid key/value pair 'k=@missing.txt': error reading file: open ")
                .hasMessageEndingWith("missing.txt: no such file or directory");
    }

    @Test
    void parse_stdinJsonArray_throws() {
        assertThatThrownBy(() -> parser("[1]").parse(List.of("-")))
                .hasMessageContaining("cannot unmarshal array");
    }

    @Test
    void parseStringLists_singleAndRepeated_givesLists() throws Exception {
        assertThat(parser("").parseStringLists(List.of("version=2", "x=a", "x=b")))
                .containsEntry("version", List.of("2"))
                .containsEntry("x", List.of("a", "b"));
    }

    @Test
    void parseStrings_list_throws() {
        assertThatThrownBy(() -> parser("").parseStrings(List.of("a=1", "a=2")))
                .isInstanceOf(KeyValueException.class);
    }
}
