package io.coffer.cli.command;

import io.coffer.cli.output.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a command line against declared {@link FlagSpec}s with the semantics of Go's {@code
 * flag} package, which the vault CLI uses.
 *
 * <ul>
 *   <li>a flag is {@code -name} or {@code --name}, its value {@code -name=value} or {@code -name
 *       value}; booleans take {@code -name}, {@code -name=true} or {@code -name=false};
 *   <li>{@code --} ends the flags and a lone {@code -} is an argument (stdin);
 *   <li>a single-valued flag given twice keeps its last value;
 *   <li>{@code @file} arguments are left alone (they are vault's data syntax).
 * </ul>
 *
 * <p>Unlike Go, known flags are also accepted after the first positional argument ({@code coffer
 * kv get secret/foo -format=json}); unknown dash-arguments there stay positional, since they may
 * be data. Errors use Go's wording ({@code flag provided but not defined: -foo}).
 *
 * <p>This replaces picocli: picocli's {@code CommandLine} registers its built-in converters by
 * reflection on construction (java.sql, java.time...), which measured 130+ ms of start-up, more
 * than a quarter of the CLI's budget.
 */
public final class ArgParser {
    private ArgParser() {}

    /**
     * Parses {@code args}.
     *
     * @throws UsageException for unknown flags, missing or malformed values
     */
    public static ParsedArgs parse(List<FlagSpec> flags, List<String> args) throws UsageException {
        Map<String, FlagSpec> byName = new HashMap<>();
        for (FlagSpec f : flags) {
            byName.put(f.name(), f);
            for (String alias : f.aliases()) {
                byName.put(alias, f);
            }
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        Set<String> set = new HashSet<>();
        List<String> positionals = new ArrayList<>();
        boolean seenPositional = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                positionals.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (arg.length() < 2 || arg.charAt(0) != '-') {
                positionals.add(arg);
                seenPositional = true;
                continue;
            }
            String body = arg.substring(arg.charAt(1) == '-' ? 2 : 1);
            if (body.isEmpty() || body.charAt(0) == '-' || body.charAt(0) == '=') {
                if (seenPositional) {
                    positionals.add(arg);
                    continue;
                }
                throw new UsageException("bad flag syntax: " + arg);
            }
            int eq = body.indexOf('=');
            String name = eq < 0 ? body : body.substring(0, eq);
            String value = eq < 0 ? null : body.substring(eq + 1);
            FlagSpec f = byName.get(name);
            if (f == null) {
                if (seenPositional) {
                    positionals.add(arg);
                    continue;
                }
                throw new UsageException("flag provided but not defined: -" + name);
            }
            if (f.type() == FlagType.BOOL) {
                boolean b = true;
                if (value != null) {
                    Boolean parsed = parseBool(value);
                    if (parsed == null) {
                        throw new UsageException(
                                "invalid boolean value \"" + value + "\" for -" + name + ": parse error");
                    }
                    b = parsed;
                }
                raw.put(f.name(), b);
            } else {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("flag needs an argument: -" + name);
                    }
                    value = args.get(++i);
                }
                Object converted = convert(f, name, value);
                if (f.type().repeatable()) {
                    Object previous = raw.get(f.name());
                    raw.put(f.name(), merge(previous, converted));
                } else {
                    raw.put(f.name(), converted);
                }
            }
            set.add(f.name());
        }
        Map<String, Object> values = new HashMap<>();
        for (FlagSpec f : flags) {
            values.put(f.name(), raw.containsKey(f.name()) ? raw.get(f.name()) : defaultOf(f));
        }
        return new ParsedArgs(values, set, positionals);
    }

    @SuppressWarnings("unchecked")
    private static Object merge(Object previous, Object next) {
        if (previous == null) {
            return next;
        }
        if (previous instanceof Map<?, ?> p) {
            Map<String, String> out = new LinkedHashMap<>((Map<String, String>) p);
            out.putAll((Map<String, String>) next);
            return out;
        }
        List<String> out = new ArrayList<>((List<String>) previous);
        out.addAll((List<String>) next);
        return out;
    }

    /** Go's {@code strconv.ParseBool}; null when the text is not a boolean. */
    static Boolean parseBool(String s) {
        switch (s) {
            case "1", "t", "T", "TRUE", "true", "True":
                return Boolean.TRUE;
            case "0", "f", "F", "FALSE", "false", "False":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    private static Object defaultOf(FlagSpec f) {
        Object d = f.defaultValue();
        if (d == null) {
            if (f.type() == FlagType.BOOL) {
                return Boolean.FALSE;
            }
            if (f.type() == FlagType.STRING_MAP) {
                return Map.of();
            }
            if (f.type().repeatable()) {
                return List.of();
            }
            return ParsedArgs.NONE;
        }
        if (f.type() == FlagType.INT && d instanceof Integer i) {
            return (long) i;
        }
        return d;
    }

    private static Object convert(FlagSpec f, String name, String value) throws UsageException {
        String flag = "-" + name;
        switch (f.type()) {
            case STRING:
                return value;
            case INT:
                try {
                    return Long.parseLong(value.trim());
                } catch (NumberFormatException e) {
                    throw new UsageException(
                            "invalid value \"" + value + "\" for flag " + flag + ": parse error");
                }
            case DURATION:
                try {
                    Duration d = Durations.parse(value);
                    return d;
                } catch (IllegalArgumentException e) {
                    throw new UsageException(
                            "invalid value \"" + value + "\" for flag " + flag + ": " + e.getMessage());
                }
            case STRING_SLICE: {
                List<String> out = new ArrayList<>();
                for (String part : value.split(",", -1)) {
                    String p = part.strip();
                    if (!p.isEmpty()) {
                        out.add(p);
                    }
                }
                return out;
            }
            case STRING_LIST:
                return List.of(value);
            case STRING_MAP: {
                int eq = value.indexOf('=');
                if (eq < 0) {
                    throw new UsageException(
                            "invalid value \"" + value + "\" for flag " + flag + ": missing = in KV pair: \""
                                    + value + "\"");
                }
                Map<String, String> out = new LinkedHashMap<>();
                out.put(value.substring(0, eq), value.substring(eq + 1));
                return out;
            }
            default:
                throw new IllegalStateException("unexpected flag type " + f.type());
        }
    }
}
