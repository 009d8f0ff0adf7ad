package io.coffer.cli.command.policy.hcl;

import io.coffer.cli.command.policy.hcl.HclNode.Body;
import io.coffer.cli.command.policy.hcl.HclNode.Element;
import io.coffer.cli.command.policy.hcl.HclNode.Item;
import io.coffer.cli.command.policy.hcl.HclNode.ListValue;
import io.coffer.cli.command.policy.hcl.HclNode.Literal;
import io.coffer.cli.command.policy.hcl.HclNode.ObjectValue;
import io.coffer.cli.command.policy.hcl.HclNode.Value;
import java.util.List;

/**
 * Prints an HCL document in canonical layout, in the spirit of {@code hcl fmt}: two-space
 * indentation, {@code =} aligned across consecutive one-line assignments, one blank line between
 * top-level blocks, one-line lists as {@code ["a", "b"]} and multi-line lists with one element
 * per line and trailing commas, comments and literals kept as written.
 *
 * <p>Formatting is idempotent: formatting the output again yields the same text.
 */
public final class HclPrinter {
    private static final String INDENT = "  ";

    private HclPrinter() {}

    /** Formats a parsed document; the result ends with exactly one newline. */
    public static String format(Body body) {
        StringBuilder sb = new StringBuilder();
        printBody(sb, body, 0, true);
        String out = sb.toString().stripTrailing();
        return out.isEmpty() ? "" : out + "\n";
    }

    /**
     * Parses and formats {@code text}.
     *
     * @throws HclSyntaxException when the text is not valid HCL
     */
    public static String format(String text) throws HclSyntaxException {
        return format(HclParser.parse(text));
    }

    private static void printBody(StringBuilder sb, Body body, int depth, boolean topLevel) {
        List<Item> items = body.items();
        int[] align = alignment(items);
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (i > 0) {
                boolean blank =
                        item.blankLinesBefore()
                                || (topLevel && (isMultiline(items.get(i - 1)) || isMultiline(item)));
                if (blank) {
                    sb.append('\n');
                }
            }
            for (Token c : item.leadComments()) {
                indent(sb, depth).append(c.text()).append('\n');
            }
            indent(sb, depth);
            String key = keyText(item);
            sb.append(key);
            if (item.assign()) {
                sb.append(" ".repeat(Math.max(0, align[i] - key.length()))).append(" = ");
            } else {
                sb.append(' ');
            }
            printValue(sb, item.value(), depth);
            if (item.lineComment() != null) {
                sb.append(' ').append(item.lineComment().text());
            }
            sb.append('\n');
        }
        if (!body.trailingComments().isEmpty()) {
            if (!items.isEmpty()) {
                Token first = body.trailingComments().get(0);
                if (first.newlineBefore() > 1) {
                    sb.append('\n');
                }
            }
            for (Token c : body.trailingComments()) {
                indent(sb, depth).append(c.text()).append('\n');
            }
        }
    }

    /** Width each assignment's key is padded to; runs break at blank lines, comments, blocks. */
    private static int[] alignment(List<Item> items) {
        int[] widths = new int[items.size()];
        int runStart = 0;
        for (int i = 0; i <= items.size(); i++) {
            boolean breaks =
                    i == items.size()
                            || !alignable(items.get(i))
                            || (i > runStart
                                    && (items.get(i).blankLinesBefore() || !items.get(i).leadComments().isEmpty()));
            if (breaks) {
                int max = 0;
                for (int j = runStart; j < i; j++) {
                    max = Math.max(max, keyText(items.get(j)).length());
                }
                for (int j = runStart; j < i; j++) {
                    widths[j] = max;
                }
                if (i < items.size() && !alignable(items.get(i))) {
                    widths[i] = keyText(items.get(i)).length();
                    runStart = i + 1;
                } else {
                    runStart = i;
                }
            }
        }
        return widths;
    }

    private static boolean alignable(Item item) {
        return item.assign() && !isMultiline(item.value());
    }

    private static boolean isMultiline(Item item) {
        return !item.assign() || isMultiline(item.value());
    }

    private static boolean isMultiline(Value v) {
        if (v instanceof ObjectValue o) {
            return !o.body().items().isEmpty() || !o.body().trailingComments().isEmpty();
        }
        if (v instanceof ListValue l) {
            if (l.multiline() && (!l.elements().isEmpty() || !l.trailingComments().isEmpty())) {
                return true;
            }
            for (Element e : l.elements()) {
                if (isMultiline(e.value())) {
                    return true;
                }
            }
            return false;
        }
        return v instanceof Literal lit && lit.token().text().contains("\n");
    }

    private static void printValue(StringBuilder sb, Value v, int depth) {
        if (v instanceof Literal lit) {
            sb.append(lit.token().text());
        } else if (v instanceof ObjectValue o) {
            if (!isMultiline(o)) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            printBody(sb, o.body(), depth + 1, false);
            indent(sb, depth).append('}');
        } else if (v instanceof ListValue l) {
            if (!isMultiline(l)) {
                sb.append('[');
                for (int i = 0; i < l.elements().size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    printValue(sb, l.elements().get(i).value(), depth);
                }
                sb.append(']');
                return;
            }
            sb.append("[\n");
            for (Element e : l.elements()) {
                for (Token c : e.leadComments()) {
                    indent(sb, depth + 1).append(c.text()).append('\n');
                }
                indent(sb, depth + 1);
                printValue(sb, e.value(), depth + 1);
                sb.append(',');
                if (e.lineComment() != null) {
                    sb.append(' ').append(e.lineComment().text());
                }
                sb.append('\n');
            }
            for (Token c : l.trailingComments()) {
                indent(sb, depth + 1).append(c.text()).append('\n');
            }
            indent(sb, depth).append(']');
        }
    }

    private static String keyText(Item item) {
        StringBuilder sb = new StringBuilder();
        for (Token k : item.keys()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(k.text());
        }
        return sb.toString();
    }

    private static StringBuilder indent(StringBuilder sb, int depth) {
        for (int i = 0; i < depth; i++) {
            sb.append(INDENT);
        }
        return sb;
    }
}
