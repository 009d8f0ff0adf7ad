package io.coffer.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgParserTest {
    private static final List<FlagSpec> FLAGS =
            List.of(
                    FlagSpec.of("s", "format", FlagType.STRING, null, "u"),
                    FlagSpec.of("s", "version", FlagType.INT, 0L, "u"),
                    FlagSpec.of("s", "renewable", FlagType.BOOL, Boolean.TRUE, "u"),
                    FlagSpec.of("s", "orphan", FlagType.BOOL, Boolean.FALSE, "u"),
                    FlagSpec.of("s", "ttl", FlagType.DURATION, null, "u"),
                    FlagSpec.of("s", "policy", FlagType.STRING_SLICE, null, "u"),
                    FlagSpec.of("s", "metadata", FlagType.STRING_MAP, null, "u"),
                    FlagSpec.of("s", "remove-data", FlagType.STRING_LIST, null, "u"),
                    FlagSpec.of("s", "increment", FlagType.DURATION, null, "u").withAliases("i"));

    private static ParsedArgs parse(String... args) throws UsageException {
        return ArgParser.parse(FLAGS, List.of(args));
    }

    @Test
    void parse_singleDashWithEquals_setsValue() throws Exception {
        assertThat(parse("-format=json").string("format")).isEqualTo("json");
    }

    @Test
    void parse_doubleDashWithEquals_setsValue() throws Exception {
        assertThat(parse("--format=json").string("format")).isEqualTo("json");
    }

    @Test
    void parse_valueAsNextArgument_setsValue() throws Exception {
        ParsedArgs p = parse("-format", "json", "secret/foo");
        assertThat(p.string("format")).isEqualTo("json");
        assertThat(p.args()).containsExactly("secret/foo");
    }

    @Test
    void parse_doubleDashValueAsNextArgument_setsValue() throws Exception {
        assertThat(parse("--format", "json").string("format")).isEqualTo("json");
    }

    @Test
    void parse_boolWithoutValue_isTrueAndDoesNotConsumeNextArgument() throws Exception {
        ParsedArgs p = parse("-orphan", "secret/foo");
        assertThat(p.bool("orphan")).isTrue();
        assertThat(p.args()).containsExactly("secret/foo");
    }

    @Test
    void parse_boolEqualsFalse_isFalse() throws Exception {
        assertThat(parse("-renewable=false").bool("renewable")).isFalse();
    }

    @Test
    void parse_boolNotGiven_usesDefault() throws Exception {
        ParsedArgs p = parse();
        assertThat(p.bool("renewable")).isTrue();
        assertThat(p.bool("orphan")).isFalse();
        assertThat(p.isSet("renewable")).isFalse();
    }

    @Test
    void parse_badBool_throwsGoMessage() {
        assertThatThrownBy(() -> parse("-orphan=maybe"))
                .isInstanceOf(UsageException.class)
                .hasMessage("invalid boolean value \"maybe\" for -orphan: parse error");
    }

    @Test
    void parse_unknownFlag_throwsGoMessage() {
        assertThatThrownBy(() -> parse("-bogus=1"))
                .isInstanceOf(UsageException.class)
                .hasMessage("flag provided but not defined: -bogus");
    }

    @Test
    void parse_unknownDashArgumentAfterPositional_staysPositional() throws Exception {
        assertThat(parse("secret/foo", "-x=1").args()).containsExactly("secret/foo", "-x=1");
    }

    @Test
    void parse_knownFlagAfterPositional_isParsed() throws Exception {
        ParsedArgs p = parse("secret/foo", "-format=json");
        assertThat(p.string("format")).isEqualTo("json");
        assertThat(p.args()).containsExactly("secret/foo");
    }

    @Test
    void parse_missingValue_throwsGoMessage() {
        assertThatThrownBy(() -> parse("-format"))
                .isInstanceOf(UsageException.class)
                .hasMessage("flag needs an argument: -format");
    }

    @Test
    void parse_nonNumericInt_throwsGoMessage() {
        assertThatThrownBy(() -> parse("-version=x"))
                .hasMessage("invalid value \"x\" for flag -version: parse error");
    }

    @Test
    void parse_int_isLong() throws Exception {
        assertThat(parse("-version", "3").longValue("version")).isEqualTo(3L);
    }

    @Test
    void parse_durationForms_areAccepted() throws Exception {
        assertThat(parse("-ttl=1h30m").duration("ttl")).isEqualTo(Duration.ofMinutes(90));
        assertThat(parse("-ttl=45").duration("ttl")).isEqualTo(Duration.ofSeconds(45));
        assertThat(parse("-ttl=2d").duration("ttl")).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void parse_badDuration_throwsGoMessage() {
        assertThatThrownBy(() -> parse("-ttl=soon"))
                .hasMessage("invalid value \"soon\" for flag -ttl: time: invalid duration \"soon\"");
    }

    @Test
    void parse_aliasName_setsPrimaryFlag() throws Exception {
        ParsedArgs p = parse("-i=30m");
        assertThat(p.isSet("increment")).isTrue();
        assertThat(p.duration("increment")).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void parse_repeatedSlice_accumulatesAndSplitsCommas() throws Exception {
        assertThat(parse("-policy=a,b", "-policy", "c").list("policy")).containsExactly("a", "b", "c");
    }

    @Test
    void parse_repeatedList_keepsCommas() throws Exception {
        assertThat(parse("-remove-data=a,b", "-remove-data=c").list("remove-data"))
                .containsExactly("a,b", "c");
    }

    @Test
    void parse_repeatedMap_collectsPairs() throws Exception {
        Map<String, String> m = parse("-metadata=a=1", "-metadata", "b=x=y").map("metadata");
        assertThat(m).containsExactly(Map.entry("a", "1"), Map.entry("b", "x=y"));
    }

    @Test
    void parse_mapWithoutEquals_throws() {
        assertThatThrownBy(() -> parse("-metadata=oops"))
                .hasMessageContaining("missing = in KV pair");
    }

    @Test
    void parse_repeatedSingleValue_keepsLast() throws Exception {
        assertThat(parse("-format=table", "-format=json").string("format")).isEqualTo("json");
    }

    @Test
    void parse_doubleDashTerminator_makesRestPositional() throws Exception {
        assertThat(parse("--", "-format=json").args()).containsExactly("-format=json");
    }

    @Test
    void parse_loneDashAndAtFile_arePositional() throws Exception {
        assertThat(parse("secret/foo", "-", "@data.json").args())
                .containsExactly("secret/foo", "-", "@data.json");
    }

    @Test
    void parse_badSyntax_throws() {
        assertThatThrownBy(() -> parse("---x")).hasMessage("bad flag syntax: ---x");
    }

    @Test
    void string_undeclaredFlag_throwsIllegalArgument() throws Exception {
        assertThatThrownBy(() -> parse().string("nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
