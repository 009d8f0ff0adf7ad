package io.coffer.core.hcl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HclTest {

    @Test
    void parse_serverConfigShape_keepsKeysLabelsValuesAndPositions() {
        HclObject root = Hcl.parse("""
                # a comment
                storage "raft" {
                  path    = "/var/lib/coffer"
                  retry_join {
                    leader_api_addr = "https://a:8200"
                  }
                  retry_join {
                    leader_api_addr = "https://b:8200"
                  }
                }
                  disable_mlock = true
                max_request_size = 0x10
                ratio = 1.5e2
                """);

        assertThat(root.items()).hasSize(4);
        HclObject.Item storage = root.items().get(0);
        assertThat(storage.key()).isEqualTo("storage");
        assertThat(storage.labels()).containsExactly("raft");
        assertThat(storage.line()).isEqualTo(2);
        assertThat(storage.column()).isEqualTo(1);
        HclObject body = (HclObject) storage.value();
        assertThat(body.items()).extracting(HclObject.Item::key).containsExactly("path", "retry_join", "retry_join");
        assertThat(body.items()).extracting(HclObject.Item::line).containsExactly(3, 4, 7);
        assertThat(body.items().get(0).value()).isEqualTo("/var/lib/coffer");
        assertThat(body.items().get(1).labels()).isEmpty();
        HclObject.Item mlock = root.items().get(1);
        assertThat(mlock.value()).isEqualTo(Boolean.TRUE);
        assertThat(mlock.line()).isEqualTo(11);
        assertThat(mlock.column()).isEqualTo(3);
        assertThat(root.items().get(2).value()).isEqualTo(16L);
        assertThat(root.items().get(3).value()).isEqualTo(150.0);
    }

    @Test
    void parse_listsObjectsAndHeredoc_areTyped() {
        HclObject root = Hcl.parse("""
                a = ["x", 1, false, { k = "v" }]
                b = <<EOT
                line one
                EOT
                c = { d = "e", f = -3 }
                """);

        @SuppressWarnings("unchecked")
        List<Object> a = (List<Object>) root.items().get(0).value();
        assertThat(a).hasSize(4);
        assertThat(a.subList(0, 3)).containsExactly("x", 1L, false);
        assertThat(((HclObject) a.get(3)).items().get(0).value()).isEqualTo("v");
        assertThat(root.items().get(1).value()).isEqualTo("line one\n");
        HclObject c = (HclObject) root.items().get(2).value();
        assertThat(c.items()).extracting(HclObject.Item::value).containsExactly("e", -3L);
        assertThat(root.items().get(2).line()).isEqualTo(5);
    }

    @Test
    void parse_unterminatedBlock_failsWithLineAndColumn() {
        assertThatThrownBy(() -> Hcl.parse("listener \"tcp\" {\n  address = \"x\"\n"))
                .isInstanceOfSatisfying(HclSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(1);
                    assertThat(e.reason()).isEqualTo("missing '}'");
                    assertThat(e.getMessage()).isEqualTo("line 3, column 1: missing '}'");
                });
    }

    @Test
    void parse_unquotedString_failsNamingTheToken() {
        assertThatThrownBy(() -> Hcl.parse("log_level = info"))
                .isInstanceOf(HclSyntaxException.class)
                .hasMessage("line 1, column 13: unexpected identifier \"info\" (strings must be quoted)");
    }

    @Test
    void parse_nestingBeyondLimit_fails() {
        String deep = "a = " + "[".repeat(Hcl.MAX_DEPTH + 2) + "]".repeat(Hcl.MAX_DEPTH + 2);

        assertThatThrownBy(() -> Hcl.parse(deep)).isInstanceOf(HclSyntaxException.class).hasMessageEndingWith("nesting too deep");
    }

    @Test
    void parseJson_members_keepLinesDuplicatesAndNull() {
        HclObject root = Hcl.parseJson("""
                {
                  "listener": [{"tcp": {"address": "127.0.0.1:0"}}],
                  "ui": null,
                  "ui": true
                }
                """);

        assertThat(root.items()).extracting(HclObject.Item::key).containsExactly("listener", "ui", "ui");
        assertThat(root.items()).extracting(HclObject.Item::line).containsExactly(2, 3, 4);
        assertThat(root.items().get(1).value()).isNull();
        List<?> listeners = (List<?>) root.items().get(0).value();
        HclObject tcp = (HclObject) ((HclObject) listeners.get(0)).items().get(0).value();
        assertThat(tcp.items().get(0).value()).isEqualTo("127.0.0.1:0");
    }

    @Test
    void parseJson_notAnObject_fails() {
        assertThatThrownBy(() -> Hcl.parseJson("[1]")).isInstanceOf(HclSyntaxException.class)
                .hasMessage("JSON text must be an object");
    }

    @Test
    void parseJson_trailingContent_failsWithPosition() {
        assertThatThrownBy(() -> Hcl.parseJson("{}\n{}"))
                .isInstanceOfSatisfying(HclSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.reason()).isEqualTo("unexpected content after the JSON object");
                });
    }

    @Test
    void parseJson_malformed_neverEchoesInput() {
        assertThatThrownBy(() -> Hcl.parseJson("{\"a\": s3cr3t-value}"))
                .isInstanceOf(HclSyntaxException.class)
                .hasMessageStartingWith("line 1, column ")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void looksLikeJson_leadingBlanksAndBom_decidesOnFirstCharacter() {
        assertThat(Hcl.looksLikeJson(" \uFEFF\n {\"a\":1}")).isTrue();
        assertThat(Hcl.looksLikeJson("a = {}")).isFalse();
        assertThat(Hcl.looksLikeJson("")).isFalse();
    }

    @Test
    void quote_longOrControlInput_isShortenedAndEscaped() {
        assertThat(Snippet.quote("a\"b\\c\u0001")).isEqualTo("\"a\\\"b\\\\c\\u0001\"");
        assertThat(Snippet.quote("x".repeat(100))).isEqualTo("\"" + "x".repeat(Snippet.MAX) + "...\"");
        assertThat(Snippet.quote((String) null)).isEqualTo("null");
    }

    @Test
    void item_withoutKeys_isRefused() {
        assertThatThrownBy(() -> new HclObject.Item(List.of(), "v", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
