package io.coffer.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.json.JsonNumber;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoFormatTest {
    @Test
    void value_scalars_matchGoPercentV() {
        assertThat(GoFormat.value(null)).isEqualTo("<nil>");
        assertThat(GoFormat.value("x")).isEqualTo("x");
        assertThat(GoFormat.value(true)).isEqualTo("true");
        assertThat(GoFormat.value(new JsonNumber("1714557600"))).isEqualTo("1714557600");
    }

    @Test
    void value_listAndMap_matchGoPercentV() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", "1");
        m.put("a", List.of("x", "y"));
        m.put("n", null);
        assertThat(GoFormat.value(List.of("default", "web"))).isEqualTo("[default web]");
        assertThat(GoFormat.value(List.of())).isEqualTo("[]");
        assertThat(GoFormat.value(m)).isEqualTo("map[a:[x y] n:<nil> z:1]");
    }

    @Test
    void quotedList_policies_matchGoPercentQ() {
        assertThat(GoFormat.quotedList(List.of("default", "web"))).isEqualTo("[\"default\" \"web\"]");
        assertThat(GoFormat.quotedList(null)).isEqualTo("[]");
        assertThat(GoFormat.quotedList(Arrays.asList("a\"b"))).isEqualTo("[\"a\\\"b\"]");
    }

    @Test
    void humanDuration_commonTtls_dropZeroUnits() {
        assertThat(GoFormat.humanDuration(0)).isEqualTo("0s");
        assertThat(GoFormat.humanDuration(2764800)).isEqualTo("768h");
        assertThat(GoFormat.humanDuration(3600)).isEqualTo("1h");
        assertThat(GoFormat.humanDuration(300)).isEqualTo("5m");
        assertThat(GoFormat.humanDuration(90)).isEqualTo("1m30s");
        assertThat(GoFormat.humanDuration(3601)).isEqualTo("1h1s");
        assertThat(GoFormat.humanDuration(2764681)).isEqualTo("767h58m1s");
    }

    @Test
    void humanDurationValue_nonIntegral_isUnchanged() {
        assertThat(GoFormat.humanDurationValue("30m")).isEqualTo("30m");
        assertThat(GoFormat.humanDurationValue(new JsonNumber("1.5"))).isEqualTo(new JsonNumber("1.5"));
        assertThat(GoFormat.humanDurationValue(new JsonNumber("60"))).isEqualTo("1m");
    }

    @Test
    void looksLikeDuration_ttlKeys_areDetected() {
        assertThat(GoFormat.looksLikeDuration("ttl")).isTrue();
        assertThat(GoFormat.looksLikeDuration("creation_ttl")).isTrue();
        assertThat(GoFormat.looksLikeDuration("token_period")).isTrue();
        assertThat(GoFormat.looksLikeDuration("lease_duration")).isTrue();
        assertThat(GoFormat.looksLikeDuration("version")).isFalse();
    }
}
