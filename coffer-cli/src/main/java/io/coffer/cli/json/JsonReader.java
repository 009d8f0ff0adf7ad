package io.coffer.cli.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes JSON text into plain Java values: {@link Map} (insertion ordered), {@link List},
 * {@link String}, {@link Boolean}, {@link JsonNumber} and {@code null}.
 *
 * <p>Uses Jackson's streaming parser only (no ObjectMapper), which keeps CLI start-up cheap. Like
 * Go's {@code json.Decoder}, it decodes the first value of the input and ignores what follows.
 */
public final class JsonReader {
    private JsonFactory factory;

    /** Creates a reader; its Jackson factory is created on first use. */
    public JsonReader() {}

    private JsonFactory factory() {
        if (factory == null) {
            factory = new JsonFactory();
        }
        return factory;
    }

    /**
     * Decodes the first JSON value of {@code text}.
     *
     * @throws JsonException if the text is empty or not valid JSON
     */
    public Object read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes the first JSON value of {@code bytes} (UTF-8).
     *
     * @throws JsonException if the input is empty or not valid JSON
     */
    public Object read(byte[] bytes) {
        try (JsonParser parser = factory().createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new JsonException("unexpected end of JSON input");
            }
            return value(parser, first);
        } catch (IOException e) {
            throw new JsonException(cleanMessage(e));
        }
    }

    /**
     * Decodes the first JSON value from a stream.
     *
     * @throws JsonException if the stream is empty or not valid JSON
     */
    public Object read(InputStream in) {
        try {
            return read(in.readAllBytes());
        } catch (IOException e) {
            throw new JsonException(e.getMessage());
        }
    }

    private Object value(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    map.put(name, value(p, p.nextToken()));
                }
                if (t != JsonToken.END_OBJECT) {
                    throw new JsonException("unexpected end of JSON input");
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw new JsonException("unexpected end of JSON input");
                    }
                    list.add(value(p, t));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new JsonNumber(p.getText());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonException("unexpected JSON token " + token);
        }
    }

    private static String cleanMessage(IOException e) {
        String msg = e.getMessage();
        if (msg == null) {
            return "invalid JSON";
        }
        int nl = msg.indexOf('\n');
        return nl > 0 ? msg.substring(0, nl) : msg;
    }
}
