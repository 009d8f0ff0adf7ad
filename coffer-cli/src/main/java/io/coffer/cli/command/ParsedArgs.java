package io.coffer.cli.command;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result of parsing a command line: typed flag values (defaults filled in), which flags were
 * given explicitly, and the positional arguments in order.
 */
public final class ParsedArgs {
    private final Map<String, Object> values;
    private final Set<String> explicitlySet;
    private final List<String> positionals;

    /** Creates the result; maps are keyed by the flag's primary name. */
    public ParsedArgs(Map<String, Object> values, Set<String> explicitlySet, List<String> positionals) {
        this.values = Map.copyOf(values);
        this.explicitlySet = Set.copyOf(explicitlySet);
        this.positionals = List.copyOf(positionals);
    }

    /** The positional arguments. */
    public List<String> args() {
        return positionals;
    }

    /** True when the flag appeared on the command line. */
    public boolean isSet(String name) {
        return explicitlySet.contains(name);
    }

    /** True when the command declares the flag. */
    public boolean declares(String name) {
        return values.containsKey(name);
    }

    /** A string flag's value ({@code ""} when unset without default). */
    public String string(String name) {
        Object v = get(name);
        return v == null ? "" : v.toString();
    }

    /** An integer flag's value. */
    public long longValue(String name) {
        Object v = get(name);
        return v instanceof Long l ? l : 0L;
    }

    /** A boolean flag's value. */
    public boolean bool(String name) {
        return Boolean.TRUE.equals(get(name));
    }

    /** A duration flag's value ({@link Duration#ZERO} when unset without default). */
    public Duration duration(String name) {
        Object v = get(name);
        return v instanceof Duration d ? d : Duration.ZERO;
    }

    /** A repeatable flag's values, in order. */
    @SuppressWarnings("unchecked")
    public List<String> list(String name) {
        Object v = get(name);
        return v instanceof List<?> l ? (List<String>) l : Collections.emptyList();
    }

    /** A {@code key=value} flag's pairs, in order. */
    @SuppressWarnings("unchecked")
    public Map<String, String> map(String name) {
        Object v = get(name);
        return v instanceof Map<?, ?> m ? (Map<String, String>) m : Collections.emptyMap();
    }

    private Object get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("flag not declared by this command: -" + name);
        }
        Object v = values.get(name);
        return v == NONE ? null : v;
    }

    /** Marker stored for flags whose default is null (Map.copyOf rejects null values). */
    static final Object NONE = new Object();
}
