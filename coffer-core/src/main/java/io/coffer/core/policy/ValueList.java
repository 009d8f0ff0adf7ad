package io.coffer.core.policy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The compiled value list of one allowed or denied parameter, matching request values the way
 * Vault 1.21+ does.
 *
 * <p>A policy string matches a request string exactly, or as a glob when it starts and/or ends
 * with {@code *} (suffix, prefix or substring match; a lone {@code "*"} is literal); numbers match
 * numbers of equal value whatever their Java type; other values match by deep equality.
 * {@link #allows} accepts a value matching an element, or a non-empty list (or comma-separated
 * string) all of whose elements match; {@link #denies} refuses a value matching an element, or a
 * list (or comma-separated string) any of whose elements match. An empty list allows, or denies,
 * everything. Matching does not allocate except to lower-case folded values.
 */
final class ValueList {

    private final Object[] values;
    private final Glob[] globs;

    ValueList(List<Object> values) {
        this.values = values.toArray();
        this.globs = new Glob[this.values.length];
        for (int i = 0; i < this.values.length; i++) {
            if (this.values[i] instanceof String s) {
                globs[i] = Glob.of(s);
            }
        }
    }

    boolean allows(Object value, boolean fold) {
        if (values.length == 0) {
            return true;
        }
        Object v = fold ? foldCase(value) : value;
        if (contains(v)) {
            return true;
        }
        if (v instanceof String s) {
            return !s.isEmpty() && everyPieceMatches(s);
        }
        if (v instanceof Collection<?> c && !c.isEmpty()) {
            for (Object e : c) {
                if (!contains(e)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    boolean denies(Object value, boolean fold) {
        if (values.length == 0) {
            return true;
        }
        Object v = fold ? foldCase(value) : value;
        if (contains(v)) {
            return true;
        }
        if (v instanceof String s) {
            return somePieceMatches(s);
        }
        if (v instanceof Collection<?> c) {
            for (Object e : c) {
                if (contains(e)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean contains(Object v) {
        for (int i = 0; i < values.length; i++) {
            Object el = values[i];
            if (el == null || v == null) {
                if (el == v) {
                    return true;
                }
            } else if (globs[i] != null) {
                if (v instanceof String s && globs[i].matches(s, 0, s.length())) {
                    return true;
                }
            } else if (deepEquals(el, v)) {
                return true;
            }
        }
        return false;
    }

    private boolean containsRegion(String s, int from, int to) {
        for (Glob g : globs) {
            if (g != null && g.matches(s, from, to)) {
                return true;
            }
        }
        return false;
    }

    private boolean everyPieceMatches(String s) {
        return piecesMatching(s, true);
    }

    private boolean somePieceMatches(String s) {
        return piecesMatching(s, false);
    }

    /**
     * Splits {@code s} on commas, trimming each piece, as Vault's comma-string parsing does, and
     * tells whether every piece ({@code every}) or some piece matches a glob of this list.
     */
    private boolean piecesMatching(String s, boolean every) {
        int start = 0;
        while (true) {
            int comma = s.indexOf(',', start);
            int a = start;
            int b = comma < 0 ? s.length() : comma;
            while (a < b && Character.isWhitespace(s.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(s.charAt(b - 1))) {
                b--;
            }
            if (containsRegion(s, a, b) != every) {
                return !every;
            }
            if (comma < 0) {
                return every;
            }
            start = comma + 1;
        }
    }

    private static Object foldCase(Object v) {
        if (v instanceof String s) {
            return s.toLowerCase(Locale.ROOT);
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object e : c) {
                out.add(e instanceof String s ? s.toLowerCase(Locale.ROOT) : e);
            }
            return out;
        }
        return v;
    }

    static boolean deepEquals(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return numericEquals(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!deepEquals(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    static boolean numericEquals(Number a, Number b) {
        if (isIntegral(a) && isIntegral(b)) {
            return a.longValue() == b.longValue();
        }
        if (isFloating(a) && isFloating(b)) {
            return a.doubleValue() == b.doubleValue();
        }
        try {
            return toBigDecimal(a).compareTo(toBigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    private static boolean isFloating(Number n) {
        return n instanceof Double || n instanceof Float;
    }

    private static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (isFloating(n)) {
            return new BigDecimal(n.doubleValue());
        }
        if (isIntegral(n)) {
            return BigDecimal.valueOf(n.longValue());
        }
        return new BigDecimal(n.toString());
    }

    /** A policy string value: exact, or a prefix/suffix/substring glob. */
    private static final class Glob {
        private static final int EXACT = 0;
        private static final int PREFIX = 1;
        private static final int SUFFIX = 2;
        private static final int CONTAINS = 3;

        private final int kind;
        private final String needle;

        private Glob(int kind, String needle) {
            this.kind = kind;
            this.needle = needle;
        }

        static Glob of(String item) {
            if (item.length() < 2) {
                return new Glob(EXACT, item);
            }
            boolean leading = item.charAt(0) == '*';
            boolean trailing = item.charAt(item.length() - 1) == '*';
            if (leading && trailing) {
                return new Glob(CONTAINS, item.substring(1, item.length() - 1));
            }
            if (leading) {
                return new Glob(SUFFIX, item.substring(1));
            }
            if (trailing) {
                return new Glob(PREFIX, item.substring(0, item.length() - 1));
            }
            return new Glob(EXACT, item);
        }

        boolean matches(String s, int from, int to) {
            int len = to - from;
            int n = needle.length();
            switch (kind) {
                case EXACT:
                    return len == n && s.regionMatches(from, needle, 0, n);
                case PREFIX:
                    return len >= n && s.regionMatches(from, needle, 0, n);
                case SUFFIX:
                    return len >= n && s.regionMatches(to - n, needle, 0, n);
                default:
                    if (n == 0) {
                        return true;
                    }
                    int at = s.indexOf(needle, from);
                    return at >= 0 && at + n <= to;
            }
        }
    }
}
