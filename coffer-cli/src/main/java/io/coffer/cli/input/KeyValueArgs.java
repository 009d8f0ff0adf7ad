package io.coffer.cli.input;

import io.coffer.cli.json.JsonException;
import io.coffer.cli.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the CLI's data arguments into a request body, with vault's syntax:
 *
 * <ul>
 *   <li>{@code key=value} sets a string; repeating a key makes a list;
 *   <li>{@code key=@file} reads the value from a file, {@code key=\@x} is the literal {@code @x};
 *   <li>{@code key=-} reads the value from standard input;
 *   <li>{@code -} alone merges a JSON object read from standard input, {@code @file.json} alone
 *       merges a JSON object from a file.
 * </ul>
 *
 * <p>Standard input can be consumed once per command. Errors read {@code Invalid key/value pair
 * 'ARG': REASON}.
 */
public final class KeyValueArgs {
    private final InputStream stdin;
    private final JsonReader json;
    private final Path workingDir;
    private boolean stdinUsed;

    /**
     * Creates a parser.
     *
     * @param stdin where {@code -} reads from
     * @param json decoder for JSON objects
     * @param workingDir directory that relative file names resolve against
     */
    public KeyValueArgs(InputStream stdin, JsonReader json, Path workingDir) {
        this.stdin = stdin;
        this.json = json;
        this.workingDir = workingDir;
    }

    /**
     * Parses all arguments into one ordered map.
     *
     * @throws KeyValueException naming the offending argument
     */
    public Map<String, Object> parse(List<String> args) throws KeyValueException {
        Map<String, Object> result = new LinkedHashMap<>();
        for (String arg : args) {
            try {
                add(result, arg);
            } catch (IllegalArgumentException | IOException e) {
                throw new KeyValueException(
                        "Invalid key/value pair '" + arg + "': " + reason(e), e);
            }
        }
        return result;
    }

    /** Parses arguments and converts every value to a string (vault's parseArgsDataString). */
    public Map<String, String> parseStrings(List<String> args) throws KeyValueException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : parse(args).entrySet()) {
            Object v = e.getValue();
            if (v instanceof List<?> || v instanceof Map<?, ?>) {
                throw new KeyValueException(
                        "failed to convert values to strings: '" + e.getKey() + "' expected a string", null);
            }
            out.put(e.getKey(), v == null ? "" : v.toString());
        }
        return out;
    }

    /** Parses arguments and converts every value to a list of strings (query parameters). */
    public Map<String, List<String>> parseStringLists(List<String> args) throws KeyValueException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : parse(args).entrySet()) {
            List<String> values = new ArrayList<>();
            if (e.getValue() instanceof List<?> l) {
                for (Object o : l) {
                    values.add(String.valueOf(o));
                }
            } else {
                values.add(e.getValue() == null ? "" : e.getValue().toString());
            }
            out.put(e.getKey(), values);
        }
        return out;
    }

    private void add(Map<String, Object> result, String raw) throws IOException {
        if (raw.isEmpty()) {
            return;
        }
        int eq = raw.indexOf('=');
        if (eq < 0) {
            if (raw.equals("-")) {
                mergeJson(result, readStdin());
                return;
            }
            if (raw.charAt(0) == '@') {
                mergeJson(result, readFile(raw.substring(1)));
                return;
            }
            throw new IllegalArgumentException("format must be key=value");
        }
        String key = raw.substring(0, eq);
        String value = raw.substring(eq + 1);
        if (!value.isEmpty()) {
            if (value.charAt(0) == '@') {
                try {
                    value = new String(readFile(value.substring(1)), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IOException("error reading file: " + reason(e), e);
                }
            } else if (value.length() > 1 && value.charAt(0) == '\\' && value.charAt(1) == '@') {
                value = value.substring(1);
            } else if (value.equals("-")) {
                value = new String(readStdin(), StandardCharsets.UTF_8);
            }
        }
        if (result.containsKey(key)) {
            Object existing = result.get(key);
            List<Object> list = new ArrayList<>();
            if (existing instanceof List<?> l) {
                list.addAll(l);
            } else {
                list.add(existing);
            }
            list.add(value);
            result.put(key, list);
        } else {
            result.put(key, value);
        }
    }

    private byte[] readStdin() throws IOException {
        if (stdin == null) {
            throw new IllegalArgumentException("stdin is not supported");
        }
        if (stdinUsed) {
            throw new IllegalArgumentException("stdin already consumed");
        }
        stdinUsed = true;
        return stdin.readAllBytes();
    }

    private byte[] readFile(String name) throws IOException {
        return Files.readAllBytes(workingDir.resolve(name));
    }

    private void mergeJson(Map<String, Object> result, byte[] bytes) {
        Object decoded;
        try {
            decoded = json.read(bytes);
        } catch (JsonException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (!(decoded instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(
                    "json: cannot unmarshal "
                            + (decoded instanceof List<?> ? "array" : "value")
                            + " into Go value of type map[string]interface {}");
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            result.put(String.valueOf(e.getKey()), e.getValue());
        }
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException n) {
            return "open " + n.getFile() + ": no such file or directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
