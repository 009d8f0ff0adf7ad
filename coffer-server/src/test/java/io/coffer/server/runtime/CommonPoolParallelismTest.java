package io.coffer.server.runtime;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class CommonPoolParallelismTest {

    @Test
    void raisesTheCommonPoolToTwoOnOneOrTwoProcessors() {
        for (int processors : new int[] {1, 2}) {
            Properties props = new Properties();
            assertThat(CommonPoolParallelism.choose(props, processors)).isEqualTo("2");
            assertThat(props.getProperty(CommonPoolParallelism.PROPERTY)).isEqualTo("2");
        }
    }

    @Test
    void leavesTheJdkDefaultFromThreeProcessors() {
        Properties props = new Properties();
        assertThat(CommonPoolParallelism.choose(props, 3)).isNull();
        assertThat(props).doesNotContainKey(CommonPoolParallelism.PROPERTY);
    }

    @Test
    void keepsAnOperatorsSetting() {
        Properties props = new Properties();
        props.setProperty(CommonPoolParallelism.PROPERTY, "1");
        assertThat(CommonPoolParallelism.choose(props, 2)).isEqualTo("1");
        assertThat(props.getProperty(CommonPoolParallelism.PROPERTY)).isEqualTo("1");
    }
}
