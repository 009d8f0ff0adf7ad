package io.coffer.server.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitedInputStreamTest {

    @Test
    void read_bodyAtTheLimit_readsEverything() throws Exception {
        LimitedInputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[100]), 100);

        assertThat(in.readAllBytes()).hasSize(100);
        assertThat(in.exceeded()).isFalse();
    }

    @Test
    void read_bodyOverTheLimit_failsAndRemembers() {
        LimitedInputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[101]), 100);

        assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
        assertThat(in.exceeded()).isTrue();
    }

    @Test
    void readSingleBytes_overTheLimit_fails() throws Exception {
        LimitedInputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[3]), 2);
        in.read();
        in.read();

        assertThatThrownBy(in::read).isInstanceOf(IOException.class);
        assertThat(in.exceeded()).isTrue();
    }
}
