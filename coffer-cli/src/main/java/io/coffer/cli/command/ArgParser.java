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
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Parses a command line against declared {@link FlagSpec}s with picocli's programmatic API (no
 * annotations, no reflection on command classes).
 *
 * <p>Flags are accepted with one or two dashes and as {@code -name=value} or {@code -name value};
 * booleans also as {@code -name=false}. {@code @file} arguments are left alone (they are vault's
 * data syntax, not picocli argument files), and a repeated single-valued flag keeps its last
 * value, as Go's flag package does. Errors use Go's wording, e.g. {@code flag provided but not
 * defined: -foo}.
 */
public final class ArgParser {
  private ArgParser() {}

  /**
   * Parses {@code args}.
   *
   * @throws UsageException for unknown flags, missing or malformed values
   */
  public static ParsedArgs parse(List<FlagSpec> flags, List<String> args) throws UsageException {
    CommandSpec spec = CommandSpec.create();
    spec.parser()
        .expandAtFiles(false)
        .posixClusteredShortOptionsAllowed(false)
        .overwrittenOptionsAllowed(true)
        .toggleBooleanFlags(false)
        .trimQuotes(false)
        .splitQuotedStrings(false)
        .unmatchedArgumentsAllowed(false)
        .caseInsensitiveEnumValuesAllowed(false);
    Map<String, OptionSpec> options = new LinkedHashMap<>();
    Map<String, FlagSpec> byName = new HashMap<>();
    for (FlagSpec f : flags) {
      List<String> names = new ArrayList<>();
      List<String> all = new ArrayList<>();
      all.add(f.name());
      all.addAll(f.aliases());
      for (String n : all) {
        names.add("-" + n);
        names.add("--" + n);
      }
      OptionSpec.Builder b = OptionSpec.builder(names.toArray(new String[0]));
      if (f.type() == FlagType.BOOL) {
        b.type(boolean.class).arity("0..1");
      } else if (f.type().repeatable()) {
        b.type(List.class).auxiliaryTypes(String.class).arity("1");
      } else {
        b.type(String.class).arity("1");
      }
      b.paramLabel("<" + f.type().example() + ">");
      OptionSpec o = b.build();
      spec.addOption(o);
      options.put(f.name(), o);
      byName.put(f.name(), f);
    }
    PositionalParamSpec positional =
        PositionalParamSpec.builder()
            .index("0..*")
            .arity("0..*")
            .type(List.class)
            .auxiliaryTypes(String.class)
            .paramLabel("ARGS")
            .build();
    spec.addPositional(positional);

    CommandLine.ParseResult result;
    try {
      result = new CommandLine(spec).parseArgs(args.toArray(new String[0]));
    } catch (CommandLine.UnmatchedArgumentException e) {
      List<String> unmatched = e.getUnmatched();
      String first = unmatched.isEmpty() ? "" : unmatched.get(0);
      int eq = first.indexOf('=');
      throw new UsageException(
          "flag provided but not defined: " + (eq > 0 ? first.substring(0, eq) : first));
    } catch (CommandLine.MissingParameterException e) {
      String name = e.getMissing().isEmpty() ? "" : primaryName(e.getMissing().get(0));
      throw new UsageException("flag needs an argument: " + name);
    } catch (CommandLine.ParameterException e) {
      throw new UsageException(e.getMessage());
    }

    Map<String, Object> values = new HashMap<>();
    Set<String> set = new HashSet<>();
    for (Map.Entry<String, OptionSpec> e : options.entrySet()) {
      FlagSpec f = byName.get(e.getKey());
      OptionSpec o = e.getValue();
      boolean matched = result.hasMatchedOption(o);
      if (matched) {
        set.add(f.name());
        values.put(f.name(), convert(f, o.getValue()));
      } else {
        values.put(f.name(), defaultOf(f));
      }
    }
    List<String> positionals = new ArrayList<>();
    Object pv = positional.getValue();
    if (pv instanceof List<?> l) {
      for (Object o : l) {
        positionals.add(String.valueOf(o));
      }
    }
    return new ParsedArgs(values, set, positionals);
  }

  private static String primaryName(Object argSpec) {
    if (argSpec instanceof OptionSpec o) {
      return o.names()[0];
    }
    return String.valueOf(argSpec);
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

  private static Object convert(FlagSpec f, Object raw) throws UsageException {
    String flag = "-" + f.name();
    switch (f.type()) {
      case BOOL:
        return Boolean.TRUE.equals(raw);
      case STRING:
        return raw == null ? "" : raw.toString();
      case INT: {
        String s = String.valueOf(raw).trim();
        try {
          return Long.parseLong(s);
        } catch (NumberFormatException e) {
          throw new UsageException(
              "invalid value \"" + s + "\" for flag " + flag + ": parse error");
        }
      }
      case DURATION: {
        String s = String.valueOf(raw);
        try {
          Duration d = Durations.parse(s);
          return d;
        } catch (IllegalArgumentException e) {
          throw new UsageException(
              "invalid value \"" + s + "\" for flag " + flag + ": " + e.getMessage());
        }
      }
      case STRING_SLICE: {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) raw) {
          for (String part : String.valueOf(o).split(",", -1)) {
            String p = part.strip();
            if (!p.isEmpty()) {
              out.add(p);
            }
          }
        }
        return out;
      }
      case STRING_LIST: {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) raw) {
          out.add(String.valueOf(o));
        }
        return out;
      }
      case STRING_MAP: {
        Map<String, String> out = new LinkedHashMap<>();
        for (Object o : (List<?>) raw) {
          String kv = String.valueOf(o);
          int eq = kv.indexOf('=');
          if (eq < 0) {
            throw new UsageException(
                "invalid value \"" + kv + "\" for flag " + flag + ": missing = in KV pair: \""
                    + kv + "\"");
          }
          out.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return out;
      }
      default:
        throw new IllegalStateException("unknown flag type " + f.type());
    }
  }
}
