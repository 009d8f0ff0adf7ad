package io.coffer.raft.statemachine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotPreflushTest {

    @Test
    void duesOncePerSnapshot_anEighthOfTheThresholdBeforeIt() {
        SnapshotPreflush preflush = new SnapshotPreflush(8192);
        // no snapshot yet (-1): due from entry 7,167 (= -1 + 8,192 - 1,024)
        assertThat(preflush.due(7165, -1)).isFalse();
        assertThat(preflush.due(7166, -1)).isFalse();
        assertThat(preflush.due(7167, -1)).isTrue();
        assertThat(preflush.due(7168, -1)).isFalse();
        assertThat(preflush.due(8191, -1)).isFalse();
        // the snapshot at 8,191 starts the next interval
        assertThat(preflush.due(8192, 8191)).isFalse();
        assertThat(preflush.due(15358, 8191)).isFalse();
        assertThat(preflush.due(15359, 8191)).isTrue();
        assertThat(preflush.due(15360, 8191)).isFalse();
    }

    @Test
    void lateApplies_stillFlushOnce() {
        SnapshotPreflush preflush = new SnapshotPreflush(100);
        assertThat(preflush.due(500, 10)).isTrue();
        assertThat(preflush.due(501, 10)).isFalse();
    }

    @Test
    void tinyThreshold_flushesOneEntryAhead_andZeroDisables() {
        SnapshotPreflush tiny = new SnapshotPreflush(4);
        assertThat(tiny.due(2, 0)).isFalse();
        assertThat(tiny.due(3, 0)).isTrue();
        SnapshotPreflush off = new SnapshotPreflush(0);
        assertThat(off.due(1_000_000, -1)).isFalse();
    }
}
