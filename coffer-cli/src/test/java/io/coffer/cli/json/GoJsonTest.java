package io.coffer.cli.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoJsonTest {
    @Test
    void marshalIndent_nestedValues_matchesGoLayout() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("b", List.of("x", new JsonNumber("2")));
        data.put("a", Map.of());
        data.put("c", new ArrayList<>());
        data.put("d", null);
        assertThat(GoJson.marshalIndent(data))
                .isEqualTo(
                        "{\n"
                                + "  \"a\": {},\n"
                                + "  \"b\": [\n"
                                + "    \"x\",\n"
                                + "    2\n"
                                + "  ],\n"
                                + "  \"c\": [],\n"
                                + "  \"d\": null\n"
                                + "}");
    }

    @Test
    void marshal_mapKeys_areSortedLikeGo() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("zeta", 1);
        data.put("Alpha", 2);
        data.put("alpha", 3);
        assertThat(GoJson.marshal(data)).isEqualTo("{\"Alpha\":2,\"alpha\":3,\"zeta\":1}");
    }

    @Test
    void marshal_struct_keepsFieldOrder() {
        JsonStruct s = new JsonStruct().put("z", 1).put("a", "x").putOmitEmpty("empty", "");
        assertThat(GoJson.marshal(s)).isEqualTo("{\"z\":1,\"a\":\"x\"}");
    }

    @Test
    void marshal_specialCharacters_areEscapedLikeGo() {
        assertThat(GoJson.marshal("<a & b>\n\t\"q\"\\ \u2028"))
                .isEqualTo("\"\\u003ca \\u0026 b\\u003e\\n\\t\\\"q\\\"\\\\ \\u2028\"");
        assertThat(GoJson.marshal("\u0001")).isEqualTo("\"\\u0001\"");
        assertThat(GoJson.marshal("é😀")).isEqualTo("\"é😀\"");
    }

    @Test
    void marshal_numberLiteral_isKeptVerbatim() {
        assertThat(GoJson.marshal(List.of(new JsonNumber("1.50"), new JsonNumber("1e3"))))
                .isEqualTo("[1.50,1e3]");
    }

    @Test
    void readThenMarshal_roundTripsServerJson() {
        String body = "{\"data\":{\"n\":12345678901234567890,\"f\":0.1,\"s\":\"x\"},\"warnings\":null}";
        Object parsed = new JsonReader().read(body);
        assertThat(GoJson.marshal(parsed))
                .isEqualTo("{\"data\":{\"f\":0.1,\"n\":12345678901234567890,\"s\":\"x\"},\"warnings\":null}");
    }
}
