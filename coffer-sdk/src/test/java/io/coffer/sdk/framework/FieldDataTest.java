package io.coffer.sdk.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FieldDataTest {

    /** A value that must never appear in an error message. */
    private static final String SECRET = "s3cr3t-hunter2";

    /** Field data with one declared field {@code f} of {@code type} holding {@code value}. */
    private static FieldData one(FieldType type, Object value) {
        Map<String, Object> raw = new HashMap<>();
        raw.put("f", value);
        return new FieldData(raw, Map.of("f", FieldSchema.of("f", type, "")));
    }

    // --- accepted inputs, per type ---------------------------------------------------------

    static Stream<Arguments> accepted() {
        Map<String, Object> nested = Map.of("a", List.of(1, 2), "b", Map.of("c", true));
        return Stream.of(
                Arguments.of(FieldType.STRING, "text", "text"),
                Arguments.of(FieldType.STRING, 42, "42"),
                Arguments.of(FieldType.STRING, 1.5, "1.5"),
                Arguments.of(FieldType.STRING, true, "true"),
                Arguments.of(FieldType.STRING, "", ""),
                Arguments.of(FieldType.LOWERCASE_STRING, "My-Policy", "my-policy"),
                Arguments.of(FieldType.LOWERCASE_STRING, 7, "7"),
                Arguments.of(FieldType.INT, 7, 7L),
                Arguments.of(FieldType.INT, 7L, 7L),
                Arguments.of(FieldType.INT, 7.0, 7L),
                Arguments.of(FieldType.INT, new BigDecimal("12"), 12L),
                Arguments.of(FieldType.INT, -0x1p63, Long.MIN_VALUE),
                Arguments.of(FieldType.INT, "12", 12L),
                Arguments.of(FieldType.INT, " -3 ", -3L),
                Arguments.of(FieldType.INT, "", 0L),
                Arguments.of(FieldType.INT, true, 1L),
                Arguments.of(FieldType.INT, false, 0L),
                Arguments.of(FieldType.BOOL, true, true),
                Arguments.of(FieldType.BOOL, false, false),
                Arguments.of(FieldType.BOOL, "true", true),
                Arguments.of(FieldType.BOOL, "True", true),
                Arguments.of(FieldType.BOOL, "TRUE", true),
                Arguments.of(FieldType.BOOL, "t", true),
                Arguments.of(FieldType.BOOL, "1", true),
                Arguments.of(FieldType.BOOL, "false", false),
                Arguments.of(FieldType.BOOL, "F", false),
                Arguments.of(FieldType.BOOL, "0", false),
                Arguments.of(FieldType.BOOL, "", false),
                Arguments.of(FieldType.BOOL, 1, true),
                Arguments.of(FieldType.BOOL, 0, false),
                Arguments.of(FieldType.DURATION, 90, Duration.ofSeconds(90)),
                Arguments.of(FieldType.DURATION, 90.0, Duration.ofSeconds(90)),
                Arguments.of(FieldType.DURATION, "90", Duration.ofSeconds(90)),
                Arguments.of(FieldType.DURATION, "30m", Duration.ofMinutes(30)),
                Arguments.of(FieldType.DURATION, "768h", Duration.ofSeconds(2764800)),
                Arguments.of(FieldType.DURATION, "1h30m", Duration.ofMinutes(90)),
                Arguments.of(FieldType.DURATION, "", Duration.ZERO),
                Arguments.of(FieldType.COMMA_STRING_SLICE, "a,b", List.of("a", "b")),
                Arguments.of(FieldType.COMMA_STRING_SLICE, " a , ,b,", List.of("a", "b")),
                Arguments.of(FieldType.COMMA_STRING_SLICE, "", List.of()),
                Arguments.of(FieldType.COMMA_STRING_SLICE, List.of("a", " b "), List.of("a", "b")),
                Arguments.of(FieldType.COMMA_STRING_SLICE, List.of(1, true), List.of("1", "true")),
                Arguments.of(FieldType.COMMA_STRING_SLICE, List.of(), List.of()),
                Arguments.of(FieldType.COMMA_INT_SLICE, List.of(1, "2", 3L), List.of(1L, 2L, 3L)),
                Arguments.of(FieldType.COMMA_INT_SLICE, "1, 2,,3", List.of(1L, 2L, 3L)),
                Arguments.of(FieldType.COMMA_INT_SLICE, 5, List.of(5L)),
                Arguments.of(FieldType.COMMA_INT_SLICE, "", List.of()),
                Arguments.of(FieldType.MAP, nested, nested),
                Arguments.of(FieldType.MAP, Map.of(), Map.of()),
                Arguments.of(FieldType.STRING_MAP, Map.of("a", "x", "n", 1, "b", false),
                        Map.of("a", "x", "n", "1", "b", "false")));
    }

    @ParameterizedTest(name = "{0} accepts {1}")
    @MethodSource("accepted")
    void get_acceptedInput_decodedValue(FieldType type, Object input, Object expected) {
        assertThat(one(type, input).get("f")).isEqualTo(expected);
    }

    // --- refused inputs, per type ----------------------------------------------------------

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(FieldType.STRING, List.of(SECRET), "a string"),
                Arguments.of(FieldType.STRING, Map.of("k", SECRET), "a string"),
                Arguments.of(FieldType.LOWERCASE_STRING, List.of(SECRET), "a string"),
                Arguments.of(FieldType.INT, SECRET, "an integer"),
                Arguments.of(FieldType.INT, "1.5", "an integer"),
                Arguments.of(FieldType.INT, 1.5, "an integer"),
                Arguments.of(FieldType.INT, Double.NaN, "an integer"),
                Arguments.of(FieldType.INT, Double.POSITIVE_INFINITY, "an integer"),
                Arguments.of(FieldType.INT, List.of(1), "an integer"),
                Arguments.of(FieldType.INT, new java.math.BigInteger("99999999999999999999"), "an integer"),
                Arguments.of(FieldType.INT, 1e20, "an integer"),
                Arguments.of(FieldType.INT, "99999999999999999999", "an integer"),
                Arguments.of(FieldType.BOOL, SECRET, "a boolean"),
                Arguments.of(FieldType.BOOL, "yes", "a boolean"),
                Arguments.of(FieldType.BOOL, List.of(true), "a boolean"),
                Arguments.of(FieldType.DURATION, SECRET, "a duration"),
                Arguments.of(FieldType.DURATION, "5x", "a duration"),
                Arguments.of(FieldType.DURATION, 1.5, "an integer"),
                Arguments.of(FieldType.DURATION, true, "a duration"),
                Arguments.of(FieldType.DURATION, List.of("1h"), "a duration"),
                Arguments.of(FieldType.COMMA_STRING_SLICE, Map.of("k", SECRET), "a list of strings"),
                Arguments.of(FieldType.COMMA_STRING_SLICE, Arrays.asList("a", null), "a list of strings"),
                Arguments.of(FieldType.COMMA_STRING_SLICE, List.of(List.of(SECRET)), "a string"),
                Arguments.of(FieldType.COMMA_INT_SLICE, List.of(SECRET), "an integer"),
                Arguments.of(FieldType.COMMA_INT_SLICE, "1,x", "an integer"),
                Arguments.of(FieldType.COMMA_INT_SLICE, Arrays.asList(1, null), "a list of integers"),
                Arguments.of(FieldType.COMMA_INT_SLICE, Map.of("k", 1), "a list of integers"),
                Arguments.of(FieldType.MAP, SECRET, "a JSON object"),
                Arguments.of(FieldType.MAP, List.of(SECRET), "a JSON object"),
                Arguments.of(FieldType.STRING_MAP, SECRET, "a JSON object of strings"),
                Arguments.of(FieldType.STRING_MAP, Map.of("k", Map.of("x", SECRET)), "a JSON object of strings"),
                Arguments.of(FieldType.STRING_MAP, Map.of("k", List.of(SECRET)), "a JSON object of strings"));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("refused")
    void get_refusedInput_invalidRequestNamingFieldNotValue(FieldType type, Object input, String expected) {
        assertThatThrownBy(() -> one(type, input).get("f"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("error converting input for field \"f\": expected " + expected)
                .message().doesNotContain(SECRET);
    }

    @Test
    void getInt_valueBeyondIntRange_refusedNamingField() {
        FieldData data = one(FieldType.INT, "3000000000");

        assertThat(data.getLong("f")).isEqualTo(3_000_000_000L);
        assertThatThrownBy(() -> data.getInt("f"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("error converting input for field \"f\": expected an integer in range");
    }

    @Test
    void get_stringMapWithNullValue_dropsTheKey() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("a", "x");
        input.put("gone", null);

        assertThat(one(FieldType.STRING_MAP, input).getStringMap("f")).containsExactly(Map.entry("a", "x"));
    }

    @Test
    void get_decodedLists_areImmutable() {
        List<String> list = one(FieldType.COMMA_STRING_SLICE, "a,b").getStringList("f");

        assertThatThrownBy(() -> list.add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void typedGetters_presentValues_returnDecodedTypes() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("s", 5);
        raw.put("i", "41");
        raw.put("b", "true");
        raw.put("d", "2m");
        raw.put("l", "x,y");
        raw.put("n", List.of("1"));
        raw.put("m", Map.of("k", 1));
        raw.put("sm", Map.of("k", 1));
        FieldData data = new FieldData(raw, Map.of(
                "s", FieldSchema.of("s", FieldType.STRING, ""),
                "i", FieldSchema.of("i", FieldType.INT, ""),
                "b", FieldSchema.of("b", FieldType.BOOL, ""),
                "d", FieldSchema.of("d", FieldType.DURATION, ""),
                "l", FieldSchema.of("l", FieldType.COMMA_STRING_SLICE, ""),
                "n", FieldSchema.of("n", FieldType.COMMA_INT_SLICE, ""),
                "m", FieldSchema.of("m", FieldType.MAP, ""),
                "sm", FieldSchema.of("sm", FieldType.STRING_MAP, "")));

        assertThat(data.getString("s")).isEqualTo("5");
        assertThat(data.getInt("i")).isEqualTo(41);
        assertThat(data.getLong("i")).isEqualTo(41L);
        assertThat(data.getBool("b")).isTrue();
        assertThat(data.getDuration("d")).isEqualTo(Duration.ofMinutes(2));
        assertThat(data.getStringList("l")).containsExactly("x", "y");
        assertThat(data.getLongList("n")).containsExactly(1L);
        assertThat(data.getMap("m")).containsEntry("k", 1);
        assertThat(data.getStringMap("sm")).containsEntry("k", "1");
    }

    // --- absence, null and defaults ---------------------------------------------------------

    @Test
    void has_jsonNull_countsAsAbsent() {
        FieldData data = one(FieldType.STRING, null);

        assertThat(data.has("f")).isFalse();
        assertThat(data.raw()).containsKey("f");
    }

    @Test
    void has_presentOrMissing_reflectsRawFields() {
        FieldData data = one(FieldType.STRING, "");

        assertThat(data.has("f")).isTrue();
        assertThat(data.has("other")).isFalse();
    }

    @Test
    void get_jsonNullWithDefault_returnsDefault() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("renewable", null);
        FieldData data = new FieldData(raw, Map.of("renewable", FieldSchema.of("renewable", FieldType.BOOL, Boolean.TRUE, "")));

        assertThat(data.getBool("renewable")).isTrue();
    }

    @Test
    void get_absentWithDefaults_returnsEachDefault() {
        FieldData data = new FieldData(Map.of(), Map.of(
                "s", FieldSchema.of("s", FieldType.STRING, "dflt", ""),
                "i", FieldSchema.of("i", FieldType.INT, 10L, ""),
                "b", FieldSchema.of("b", FieldType.BOOL, Boolean.TRUE, ""),
                "d", FieldSchema.of("d", FieldType.DURATION, Duration.ofHours(1), ""),
                "l", FieldSchema.of("l", FieldType.COMMA_STRING_SLICE, List.of("default"), "")));

        assertThat(data.getString("s")).isEqualTo("dflt");
        assertThat(data.getLong("i")).isEqualTo(10L);
        assertThat(data.getBool("b")).isTrue();
        assertThat(data.getDuration("d")).isEqualTo(Duration.ofHours(1));
        assertThat(data.getStringList("l")).containsExactly("default");
    }

    @Test
    void get_presentValue_winsOverDefault() {
        FieldData data = new FieldData(Map.of("b", "false"),
                Map.of("b", FieldSchema.of("b", FieldType.BOOL, Boolean.TRUE, "")));

        assertThat(data.getBool("b")).isFalse();
    }

    @Test
    void typedGetters_absentWithoutDefault_zeroValues() {
        FieldData data = new FieldData(Map.of(), Map.of(
                "s", FieldSchema.of("s", FieldType.STRING, ""),
                "i", FieldSchema.of("i", FieldType.INT, ""),
                "b", FieldSchema.of("b", FieldType.BOOL, ""),
                "d", FieldSchema.of("d", FieldType.DURATION, ""),
                "l", FieldSchema.of("l", FieldType.COMMA_STRING_SLICE, ""),
                "n", FieldSchema.of("n", FieldType.COMMA_INT_SLICE, ""),
                "m", FieldSchema.of("m", FieldType.MAP, ""),
                "sm", FieldSchema.of("sm", FieldType.STRING_MAP, "")));

        assertThat(data.getString("s")).isEmpty();
        assertThat(data.getInt("i")).isZero();
        assertThat(data.getBool("b")).isFalse();
        assertThat(data.getDuration("d")).isEqualTo(Duration.ZERO);
        assertThat(data.getStringList("l")).isEmpty();
        assertThat(data.getLongList("n")).isEmpty();
        assertThat(data.getMap("m")).isNull();
        assertThat(data.getStringMap("sm")).isNull();
    }

    @Test
    void get_undeclaredField_illegalArgument() {
        FieldData data = new FieldData(Map.of("x", "1"), Map.of());

        assertThatThrownBy(() -> data.get("x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x");
    }

    // --- validate ----------------------------------------------------------------------------

    @Test
    void validate_presentFieldOfWrongType_throwsNamingIt() {
        FieldData data = new FieldData(Map.of("ok", "1", "bad", SECRET), Map.of(
                "ok", FieldSchema.of("ok", FieldType.INT, ""),
                "bad", FieldSchema.of("bad", FieldType.BOOL, ""),
                "absent", FieldSchema.of("absent", FieldType.INT, "")));

        assertThatThrownBy(data::validate)
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("error converting input for field \"bad\": expected a boolean");
    }

    @Test
    void validate_allPresentFieldsValid_passesAndIgnoresUndeclared() {
        FieldData data = new FieldData(Map.of("ok", "1", "undeclared", List.of()), Map.of(
                "ok", FieldSchema.of("ok", FieldType.INT, ""),
                "absent", FieldSchema.of("absent", FieldType.MAP, "")));

        data.validate();

        assertThat(data.getInt("ok")).isEqualTo(1);
    }
}
