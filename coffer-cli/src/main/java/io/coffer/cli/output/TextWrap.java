package io.coffer.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Word wrapping with minimal raggedness, the algorithm the vault CLI uses (kr/text) for its prose
 * messages, with its 78-column limit.
 *
 * <p>Lines are broken only at single spaces; a word longer than the limit stays whole on its own
 * line.
 */
public final class TextWrap {
    /** The vault CLI's line length for wrapped messages. */
    public static final int MAX_LINE_LENGTH = 78;

    private static final int PENALTY = 100_000;

    private TextWrap() {}

    /** Wraps at {@link #MAX_LINE_LENGTH}. */
    public static String wrap(String s) {
        return wrapWithPadding(s, 0);
    }

    /** Wraps at {@code MAX_LINE_LENGTH - pad} and indents every line by {@code pad} spaces. */
    public static String wrapWithPadding(String s, int pad) {
        String wrapped = wrap(s, MAX_LINE_LENGTH - pad);
        String[] lines = wrapped.split("\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(" ".repeat(pad)).append(lines[i]);
        }
        return sb.toString();
    }

    /** Wraps {@code s} (newlines treated as spaces) to lines of at most {@code lim} units. */
    public static String wrap(String s, int lim) {
        String[] words = s.strip().replace('\n', ' ').split(" ", -1);
        int n = words.length;
        int[][] length = new int[n][n];
        for (int i = 0; i < n; i++) {
            length[i][i] = units(words[i]);
            for (int j = i + 1; j < n; j++) {
                length[i][j] = length[i][j - 1] + 1 + units(words[j]);
            }
        }
        int[] nbrk = new int[n];
        long[] cost = new long[n];
        java.util.Arrays.fill(cost, Integer.MAX_VALUE);
        for (int i = n - 1; i >= 0; i--) {
            if (length[i][n - 1] <= lim || i == n - 1) {
                cost[i] = 0;
                nbrk[i] = n;
            } else {
                for (int j = i + 1; j < n; j++) {
                    long d = lim - length[i][j - 1];
                    long c = d * d + cost[j];
                    if (length[i][j - 1] > lim) {
                        c += PENALTY;
                    }
                    if (c < cost[i]) {
                        cost[i] = c;
                        nbrk[i] = j;
                    }
                }
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        while (i < n) {
            lines.add(String.join(" ", java.util.Arrays.asList(words).subList(i, nbrk[i])));
            i = nbrk[i];
        }
        return String.join("\n", lines);
    }

    private static int units(String word) {
        return word.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
