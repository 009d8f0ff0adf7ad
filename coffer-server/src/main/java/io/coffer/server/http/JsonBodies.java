package io.coffer.server.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes request bodies as Vault does: empty is {@code {}}, a body starting with {@code {} is
 * a JSON object, anything else is form-encoded. Errors never echo the body.
 */
final class JsonBodies {
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };
    private final ObjectMapper json;

    JsonBodies(ObjectMapper json) {
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    Map<String, Object> parse(byte[] body) {
        int start = 0;
        while (start < body.length && Character.isWhitespace(body[start])) {
            start++;
        }
        if (start == body.length) {
            return new LinkedHashMap<>();
        }
        if (body[start] == '{' || body[start] == '[') {
            try {
                Map<String, Object> parsed = json.readValue(body, MAP);
                return parsed == null ? new LinkedHashMap<>() : parsed;
            } catch (MismatchedInputException e) {
                throw new InvalidRequestException("failed to parse JSON input: the request body must be a JSON object");
            } catch (JsonParseException e) {
                throw new InvalidRequestException("failed to parse JSON input: malformed JSON at line "
                        + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
            } catch (JsonProcessingException e) {
                throw new InvalidRequestException("failed to parse JSON input: malformed JSON");
            } catch (IOException e) {
                throw new InvalidRequestException("failed to parse JSON input");
            }
        }
        return form(new String(body, StandardCharsets.UTF_8));
    }

    private static Map<String, Object> form(String body) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.put(k, v);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("failed to parse form input");
            }
        }
        return out;
    }
}
