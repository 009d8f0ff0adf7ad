package io.coffer.sdk.framework;

import io.coffer.sdk.logical.Operation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint of a backend: a path pattern, its typed fields, a handler per operation, an
 * optional existence check and help text.
 *
 * <p>Patterns are regular expressions (as in Vault) with placeholders: {@code {name}} captures
 * one segment ({@code [^/]+}), {@code {name:regex}} captures what {@code regex} matches; e.g.
 * {@code mounts/?} or {@code data/{path:.+}}. A capture fills the
 * field of the same name and overrides a body field with that name. The whole relative path must
 * match.
 */
public final class Path {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_][a-z0-9_]*)(?::((?:[^{}]|\\{\\d*,?\\d*})+))?}");

    private final String pattern;
    private final Pattern regex;
    /** The literal text every match starts with, checked before the regex runs. */
    private final String literalPrefix;
    private final List<String> captures;
    private final Map<String, FieldSchema> fields;
    private final Map<Operation, OperationHandler> operations;
    private final ExistenceCheck existenceCheck;
    private final String synopsis;

    private Path(Builder b) {
        this.pattern = b.pattern;
        List<String> names = new ArrayList<>();
        StringBuilder re = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(b.pattern);
        int last = 0;
        while (m.find()) {
            re.append(b.pattern, last, m.start());
            re.append("(?<g").append(names.size()).append('>').append(m.group(2) == null ? "[^/]+" : m.group(2)).append(')');
            names.add(m.group(1));
            last = m.end();
        }
        re.append(b.pattern.substring(last));
        this.regex = Pattern.compile(re.toString());
        this.literalPrefix = literalPrefix(b.pattern);
        this.captures = List.copyOf(names);
        this.fields = Map.copyOf(b.fields);
        this.operations = new EnumMap<>(b.operations);
        this.existenceCheck = b.existenceCheck;
        this.synopsis = b.synopsis;
    }

    public static Builder builder(String pattern) {
        return new Builder(pattern);
    }

    /** The pattern as written, e.g. {@code data/{path:.+}}. */
    public String pattern() {
        return pattern;
    }

    /**
     * Matches {@code relativePath} and returns the captured fields, or {@code null} when the path
     * does not match.
     */
    public Map<String, String> match(String relativePath) {
        if (!relativePath.startsWith(literalPrefix)) {
            return null;
        }
        Matcher m = regex.matcher(relativePath);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < captures.size(); i++) {
            String value = m.group("g" + i);
            out.put(captures.get(i), value == null ? "" : value);
        }
        return out;
    }

    /**
     * The leading run of {@code pattern} that can only match itself: up to the first
     * placeholder or regex metacharacter, minus a character that a quantifier may make optional.
     */
    static String literalPrefix(String pattern) {
        int end = 0;
        while (end < pattern.length() && "\\[](){}.*+?^$|".indexOf(pattern.charAt(end)) < 0) {
            end++;
        }
        if (end < pattern.length() && end > 0 && "*+?{".indexOf(pattern.charAt(end)) >= 0) {
            end--;
        }
        return pattern.substring(0, end);
    }

    public Map<String, FieldSchema> fields() {
        return fields;
    }

    /** The handler for {@code operation}, or {@code null} when the path does not support it. */
    public OperationHandler handler(Operation operation) {
        return operations.get(operation);
    }

    public ExistenceCheck existenceCheck() {
        return existenceCheck;
    }

    public String synopsis() {
        return synopsis;
    }

    /** Builds a {@link Path}. */
    public static final class Builder {
        private final String pattern;
        private final Map<String, FieldSchema> fields = new LinkedHashMap<>();
        private final Map<Operation, OperationHandler> operations = new EnumMap<>(Operation.class);
        private ExistenceCheck existenceCheck;
        private String synopsis = "";

        private Builder(String pattern) {
            this.pattern = pattern;
        }

        public Builder field(String name, FieldType type, String description) {
            fields.put(name, FieldSchema.of(name, type, description));
            return this;
        }

        public Builder field(String name, FieldType type, Object defaultValue, String description) {
            fields.put(name, FieldSchema.of(name, type, defaultValue, description));
            return this;
        }

        /** Declares every field of {@code schemas} (shared by several paths). */
        public Builder fields(java.util.Collection<FieldSchema> schemas) {
            for (FieldSchema f : schemas) {
                fields.put(f.name(), f);
            }
            return this;
        }

        public Builder operation(Operation operation, OperationHandler handler) {
            operations.put(operation, handler);
            return this;
        }

        /** Registers one handler for both create and update, as most writes are. */
        public Builder write(OperationHandler handler) {
            operations.put(Operation.CREATE, handler);
            operations.put(Operation.UPDATE, handler);
            return this;
        }

        public Builder existenceCheck(ExistenceCheck check) {
            this.existenceCheck = check;
            return this;
        }

        public Builder synopsis(String text) {
            this.synopsis = text;
            return this;
        }

        public Path build() {
            return new Path(this);
        }
    }
}
