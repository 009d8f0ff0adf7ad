package io.coffer.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Column layout as the vault CLI prints it (ryanuber/columnize with vault's settings): cells are
 * split on a delimiter and trimmed, empty cells become {@code n/a}, every column but a row's last
 * is padded to the widest cell, and columns are glued with four spaces.
 *
 * <p>{@link #table(List, String)} additionally inserts the {@code ---} underline row after the
 * header row, which is vault's {@code tableOutput}.
 */
public final class Columns {
    /** Delimiter vault uses between key and value of secret tables ("hope" it is not in a secret). */
    public static final String HOPE_DELIM = "\u2668";

    private static final String GLUE = "    ";
    private static final String EMPTY = "n/a";

    private Columns() {}

    /** Formats rows as a table whose first row is the header; returns "" for no rows. */
    public static String table(List<String> rows, String delim) {
        if (rows.isEmpty()) {
            return "";
        }
        String[] headers = split(rows.get(0), delim);
        StringBuilder underline = new StringBuilder();
        for (int i = 0; i < headers.length; i++) {
            underline.append("-".repeat(headers[i].strip().length()));
            if (i != headers.length - 1) {
                underline.append(delim);
            }
        }
        List<String> withUnderline = new ArrayList<>(rows.size() + 1);
        withUnderline.add(rows.get(0));
        withUnderline.add(underline.toString());
        withUnderline.addAll(rows.subList(1, rows.size()));
        return columns(withUnderline, delim);
    }

    /** Formats rows into aligned columns without adding a header underline. */
    public static String columns(List<String> rows, String delim) {
        if (rows.isEmpty()) {
            return "";
        }
        List<String[]> cells = new ArrayList<>(rows.size());
        List<Integer> widths = new ArrayList<>();
        for (String row : rows) {
            String[] parts = split(row, delim);
            for (int i = 0; i < parts.length; i++) {
                String v = parts[i].strip();
                if (v.isEmpty()) {
                    v = EMPTY;
                }
                parts[i] = v;
                int w = v.codePointCount(0, v.length());
                if (widths.size() <= i) {
                    widths.add(w);
                } else if (widths.get(i) < w) {
                    widths.set(i, w);
                }
            }
            cells.add(parts);
        }
        StringBuilder out = new StringBuilder();
        for (String[] parts : cells) {
            for (int i = 0; i < parts.length; i++) {
                String v = parts[i];
                if (i == parts.length - 1) {
                    out.append(v);
                } else {
                    out.append(v);
                    int pad = widths.get(i) - v.codePointCount(0, v.length());
                    out.append(" ".repeat(Math.max(0, pad))).append(GLUE);
                }
            }
            out.append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /** Splits on every occurrence of {@code delim} (no regular expressions), keeping empties. */
    static String[] split(String s, String delim) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int idx;
        while ((idx = s.indexOf(delim, start)) >= 0) {
            out.add(s.substring(start, idx));
            start = idx + delim.length();
        }
        out.add(s.substring(start));
        return out.toArray(new String[0]);
    }
}
