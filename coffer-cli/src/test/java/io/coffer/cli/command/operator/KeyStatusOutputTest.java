package io.coffer.cli.command.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class KeyStatusOutputTest {
    @Test
    void rfc3339Nano_variousFractions_trimsZerosAndKeepsOffset() {
        assertThat(KeyStatusOutput.rfc3339Nano(OffsetDateTime.parse("2024-05-01T10:00:00Z")))
                .isEqualTo("2024-05-01T10:00:00Z");
        assertThat(KeyStatusOutput.rfc3339Nano(OffsetDateTime.parse("2024-05-01T10:00:00.123400Z")))
                .isEqualTo("2024-05-01T10:00:00.1234Z");
        assertThat(KeyStatusOutput.rfc3339Nano(OffsetDateTime.parse("2024-05-01T10:00:00.5+02:00")))
                .isEqualTo("2024-05-01T10:00:00.5+02:00");
    }
}
