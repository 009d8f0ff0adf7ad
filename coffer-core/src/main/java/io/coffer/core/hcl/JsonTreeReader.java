package io.coffer.core.hcl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON object into the same {@link HclObject} tree the HCL reader produces, keeping
 * duplicate keys as separate items (as HCL's JSON dialect does) and the line of every key.
 * Strict JSON: anything after the top-level object, or nesting deeper than
 * {@link HclReader#MAX_DEPTH}, is an error; errors give a position and never Jackson's message
 * (which quotes input).
 */
final class JsonTreeReader {

    private final JsonFactory factory = JsonFactory.builder().build();

    HclObject read(String text) {
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new HclSyntaxException(0, 0, "JSON text must be an object");
            }
            HclObject root = object(p, 0);
            if (p.nextToken() != null) {
                throw at(p.currentTokenLocation(), "unexpected content after the JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw at(e.getLocation(), "invalid JSON");
        } catch (IOException e) {
            throw new HclSyntaxException(0, 0, "invalid JSON");
        }
    }

    private HclObject object(JsonParser p, int depth) throws IOException {
        checkDepth(p, depth);
        List<HclObject.Item> items = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonLocation where = p.currentTokenLocation();
            Object value = value(p, p.nextToken(), depth + 1);
            items.add(new HclObject.Item(List.of(key), value, where.getLineNr(), Math.max(0, where.getColumnNr())));
        }
        if (t != JsonToken.END_OBJECT) {
            throw at(p.currentTokenLocation(), "invalid JSON");
        }
        return new HclObject(items);
    }

    private Object value(JsonParser p, JsonToken t, int depth) throws IOException {
        if (t == null) {
            throw new HclSyntaxException(0, 0, "invalid JSON: unexpected end of input");
        }
        switch (t) {
            case START_OBJECT:
                return object(p, depth);
            case START_ARRAY:
                checkDepth(p, depth);
                List<Object> list = new ArrayList<>();
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(p, e, depth + 1));
                }
                return list;
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                BigInteger big = p.getBigIntegerValue();
                return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw at(p.currentTokenLocation(), "invalid JSON");
        }
    }

    private static void checkDepth(JsonParser p, int depth) {
        if (depth > HclReader.MAX_DEPTH) {
            throw at(p.currentTokenLocation(), "nesting too deep");
        }
    }

    private static HclSyntaxException at(JsonLocation loc, String reason) {
        if (loc == null || loc.getLineNr() < 1) {
            return new HclSyntaxException(0, 0, reason);
        }
        return new HclSyntaxException(loc.getLineNr(), Math.max(1, loc.getColumnNr()), reason);
    }
}
