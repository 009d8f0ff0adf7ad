package io.coffer.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnsTest {
    @Test
    void table_keyValueRows_alignLikeVault() {
        String d = " " + Columns.HOPE_DELIM + " ";
        String out =
                Columns.table(
                        List.of(
                                "Key" + Columns.HOPE_DELIM + "Value",
                                "created_time" + d + "2024-05-01T10:00:00Z",
                                "custom_metadata" + d + "<nil>",
                                "deletion_time" + d + "",
                                "version" + d + "2"),
                        Columns.HOPE_DELIM);
        assertThat(out)
                .isEqualTo(
                        "Key                Value\n"
                                + "---                -----\n"
                                + "created_time       2024-05-01T10:00:00Z\n"
                                + "custom_metadata    <nil>\n"
                                + "deletion_time      n/a\n"
                                + "version            2");
    }

    @Test
    void table_pipeDelimited_padsAllButLastColumn() {
        String out =
                Columns.table(
                        List.of(
                                "Path | Type | Accessor | Description",
                                "secret/ | kv | kv_1234 | key/value secret storage",
                                "sys/ | system | system_99 | "),
                        "|");
        assertThat(out)
                .isEqualTo(
                        "Path       Type      Accessor     Description\n"
                                + "----       ----      --------     -----------\n"
                                + "secret/    kv        kv_1234      key/value secret storage\n"
                                + "sys/       system    system_99    n/a");
    }

    @Test
    void table_singleColumn_isHeaderUnderlineAndRows() {
        assertThat(Columns.table(List.of("Keys", "a", "b/"), Columns.HOPE_DELIM))
                .isEqualTo("Keys\n----\na\nb/");
    }

    @Test
    void table_noRows_isEmpty() {
        assertThat(Columns.table(List.of(), "|")).isEmpty();
    }

    @Test
    void split_keepsEmptyCells() {
        assertThat(Columns.split("a||b|", "|")).containsExactly("a", "", "b", "");
    }
}
