package io.coffer.cli.command;

import io.coffer.cli.output.TextWrap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a command's help as the vault CLI does: the command's own text, then each flag
 * section ({@code HTTP Options:}, ...) with its flags sorted by name, each shown as {@code
 * -name=<type>} over its wrapped description.
 */
public final class HelpRenderer {
    private HelpRenderer() {}

    /** Returns the full help of {@code command}. */
    public static String render(CliCommand command) {
        StringBuilder sb = new StringBuilder(command.help().strip());
        String flags = flags(command.flags());
        if (!flags.isEmpty()) {
            sb.append("\n\n").append(flags);
        }
        return sb.toString();
    }

    /** Returns the flag sections. */
    public static String flags(List<FlagSpec> flags) {
        Map<String, List<FlagSpec>> sections = new LinkedHashMap<>();
        for (FlagSpec f : flags) {
            sections.computeIfAbsent(f.section(), k -> new ArrayList<>()).add(f);
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<FlagSpec>> e : sections.entrySet()) {
            sb.append(e.getKey()).append(":\n\n");
            List<FlagSpec> sorted = new ArrayList<>(e.getValue());
            sorted.sort((a, b) -> a.name().compareTo(b.name()));
            for (FlagSpec f : sorted) {
                String example = f.type().example();
                sb.append("  -").append(f.name());
                if (!example.isEmpty()) {
                    sb.append("=<").append(example).append('>');
                }
                sb.append('\n');
                sb.append(TextWrap.wrapWithPadding(f.usage().replaceAll("\\s+", " "), 6));
                sb.append("\n\n");
            }
        }
        String out = sb.toString();
        while (out.endsWith("\n")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}
