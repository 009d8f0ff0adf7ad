package io.coffer.cli.command.policy.hcl;

import java.util.List;

/**
 * The syntax tree of an HCL document (a {@link Body} of items), keeping comments and layout hints
 * so that {@link HclPrinter} can print it back canonically without losing them.
 */
public sealed interface HclNode {

    /** A sequence of items (the document, or the inside of a block or object). */
    record Body(List<Item> items, List<Token> trailingComments) implements HclNode {}

    /**
     * {@code key = value}, {@code key "label" { ... }} and friends.
     *
     * @param keys the key tokens (identifiers or strings), in order
     * @param assign true when written with {@code =}
     * @param blankLinesBefore true when the source had an empty line before this item
     * @param leadComments comments on the lines directly above the item
     * @param lineComment a comment on the item's last line, or null
     */
    record Item(
            List<Token> keys,
            boolean assign,
            Value value,
            boolean blankLinesBefore,
            List<Token> leadComments,
            Token lineComment)
            implements HclNode {}

    /** A value. */
    sealed interface Value extends HclNode {}

    /** A string, number, boolean, identifier or heredoc, kept as written. */
    record Literal(Token token) implements Value {}

    /**
     * A list; {@code multiline} when the source broke the line after {@code [}.
     *
     * @param elements the elements with their comments
     */
    record ListValue(List<Element> elements, boolean multiline, List<Token> trailingComments)
            implements Value {}

    /** An element of a list with the comments around it. */
    record Element(Value value, List<Token> leadComments, Token lineComment) {}

    /** A nested object ({@code { ... }}). */
    record ObjectValue(Body body) implements Value {}
}
