package io.coffer.builtin.secrets.kv;

import io.coffer.sdk.logical.exception.InternalException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KvCodecTest {
    private final KvCodec codec = new KvCodec();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void metadata_encodeThenDecode_roundTripsEveryField() {
        TreeMap<Long, VersionMetadata> versions = new TreeMap<>();
        versions.put(3L, new VersionMetadata(Instant.parse("2024-05-01T10:00:00.5Z"), null, false));
        versions.put(4L, new VersionMetadata(Instant.parse("2024-05-01T11:00:00Z"), Instant.parse("2024-05-02T11:00:00.000000001Z"), true));
        KeyMetadata meta = new KeyMetadata("a/b", Instant.parse("2024-04-01T00:00:00Z"), Instant.parse("2024-05-01T11:00:00Z"),
                4, 3, 2, true, Duration.ofMinutes(90), Map.of("owner", "ops"), versions);

        KeyMetadata decoded = codec.decodeMetadata(codec.encodeMetadata(meta));

        assertThat(decoded).isEqualTo(meta);
    }

    @Test
    void metadata_encoded_isDocumentedJson() {
        KeyMetadata meta = KeyMetadata.create("app", Instant.parse("2024-05-01T10:00:00Z"));

        String json = new String(codec.encodeMetadata(meta), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"format_version\":1,\"key\":\"app\",\"created_time\":\"2024-05-01T10:00:00Z\","
                + "\"updated_time\":\"2024-05-01T10:00:00Z\",\"current_version\":0,\"oldest_version\":0,\"max_versions\":0,"
                + "\"cas_required\":false,\"delete_version_after_nanos\":0,\"custom_metadata\":null,\"versions\":{}}");
    }

    @Test
    void metadata_encoded_isByteForByteTheDocumentedLayout() throws Exception {
        TreeMap<Long, VersionMetadata> versions = new TreeMap<>();
        versions.put(9L, new VersionMetadata(Instant.parse("2024-05-01T10:00:00.000000001Z"), null, false));
        versions.put(10L, new VersionMetadata(Instant.parse("2024-05-01T11:00:00Z"),
                Instant.parse("2024-05-02T11:00:00.12Z"), true));
        versions.put(11L, new VersionMetadata(Instant.parse("2024-05-01T12:00:00.5Z"), null, true));
        Map<String, String> custom = Map.of("owner", "ops \"team\"", "zone", "\u00e9t\u00e9 \u2603 \n", "a", "");
        for (KeyMetadata meta : new KeyMetadata[] {
                new KeyMetadata("dir/k\u00e9y \"q\"", Instant.parse("2024-04-01T00:00:00Z"),
                        Instant.parse("2024-05-01T12:00:00.5Z"), 11, 9, 3, true, Duration.ofMinutes(90), custom, versions),
                new KeyMetadata("plain", Instant.parse("2024-04-01T00:00:00.1Z"), Instant.parse("2024-04-01T00:00:00.1Z"),
                        0, 0, 0, false, Duration.ZERO, Map.of(), new TreeMap<>())}) {
            assertThat(new String(codec.encodeMetadata(meta), StandardCharsets.UTF_8))
                    .isEqualTo(referenceEncoding(meta));
        }
    }

    /** The layout of docs/storage-formats/kv.md, built as a Jackson tree. */
    private static String referenceEncoding(KeyMetadata meta) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode node = mapper.createObjectNode();
        node.put("format_version", 1);
        node.put("key", meta.key());
        node.put("created_time", GoTime.format(meta.createdTime()));
        node.put("updated_time", GoTime.format(meta.updatedTime()));
        node.put("current_version", meta.currentVersion());
        node.put("oldest_version", meta.oldestVersion());
        node.put("max_versions", meta.maxVersions());
        node.put("cas_required", meta.casRequired());
        node.put("delete_version_after_nanos", meta.deleteVersionAfter().toNanos());
        if (meta.customMetadata() == null) {
            node.putNull("custom_metadata");
        } else {
            com.fasterxml.jackson.databind.node.ObjectNode c = node.putObject("custom_metadata");
            meta.customMetadata().forEach(c::put);
        }
        com.fasterxml.jackson.databind.node.ObjectNode vs = node.putObject("versions");
        meta.versions().forEach((n, state) -> {
            com.fasterxml.jackson.databind.node.ObjectNode v = vs.putObject(Long.toString(n));
            v.put("created_time", GoTime.format(state.createdTime()));
            if (state.deletionTime() == null) {
                v.putNull("deletion_time");
            } else {
                v.put("deletion_time", GoTime.format(state.deletionTime()));
            }
            v.put("destroyed", state.destroyed());
        });
        return mapper.writeValueAsString(node);
    }

    @Test
    void config_encodeThenDecode_roundTrips() {
        EngineConfig config = new EngineConfig(7, true, Duration.ofSeconds(30));

        assertThat(codec.decodeConfig(codec.encodeConfig(config))).isEqualTo(config);
        assertThat(new String(codec.encodeConfig(config), StandardCharsets.UTF_8)).isEqualTo(
                "{\"format_version\":1,\"max_versions\":7,\"cas_required\":true,\"delete_version_after_nanos\":30000000000}");
    }

    @Test
    void decode_unknownFormatVersion_isRefused() {
        assertThatThrownBy(() -> codec.decodeConfig(utf8("{\"format_version\":2,\"max_versions\":1}")))
                .isInstanceOf(InternalException.class).hasMessage("unsupported format_version of kv config record");
        assertThatThrownBy(() -> codec.decodeVersionData(utf8("{\"format_version\":9,\"data\":{}}")))
                .isInstanceOf(InternalException.class).hasMessage("unsupported format_version of kv version record");
    }

    @Test
    void decode_corruptRecord_failsWithoutEchoingContent() {
        assertThatThrownBy(() -> codec.decodeVersionData(utf8("{\"format_version\":1,\"data\":\"hunter2\"}")))
                .isInstanceOf(InternalException.class).hasMessage("corrupt kv version record");
        assertThatThrownBy(() -> codec.decodeMetadata(utf8("{\"format_version\":1,\"key\":\"hunter2\"")))
                .isInstanceOf(InternalException.class).hasMessage("corrupt kv metadata record");
        assertThatThrownBy(() -> codec.decodeSecret(utf8("[\"hunter2\"]")))
                .isInstanceOf(InternalException.class).hasMessageNotContaining("hunter2");
    }

    @Test
    void layout_encodedPath_isOneReversibleSegment() {
        String segment = KvV2Layout.encodePath("a/b c/ü");

        assertThat(segment).doesNotContain("/", "=");
        assertThat(KvV2Layout.decodePath(segment)).isEqualTo("a/b c/ü");
        assertThat(KvV2Layout.versionKey("a/b", 12)).isEqualTo("versions/YS9i/12");
    }
}
