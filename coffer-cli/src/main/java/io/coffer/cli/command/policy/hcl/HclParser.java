package io.coffer.cli.command.policy.hcl;

import io.coffer.cli.command.policy.hcl.HclNode.Body;
import io.coffer.cli.command.policy.hcl.HclNode.Element;
import io.coffer.cli.command.policy.hcl.HclNode.Item;
import io.coffer.cli.command.policy.hcl.HclNode.ListValue;
import io.coffer.cli.command.policy.hcl.HclNode.Literal;
import io.coffer.cli.command.policy.hcl.HclNode.ObjectValue;
import io.coffer.cli.command.policy.hcl.HclNode.Value;
import java.util.ArrayList;
import java.util.List;

/** Parses HCL version 1 (the syntax of Vault policies) into an {@link HclNode.Body}. */
public final class HclParser {
    private final List<Token> tokens;
    private int pos;

    private HclParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * Parses a whole document.
     *
     * @throws HclSyntaxException when the text is not valid HCL
     */
    public static HclNode.Body parse(String text) throws HclSyntaxException {
        HclParser p = new HclParser(new HclLexer(text).tokens());
        Body body = p.body(true);
        Token t = p.peek();
        if (!t.is(Token.Kind.EOF)) {
            throw error(t, "unexpected token " + t.text());
        }
        return body;
    }

    private Body body(boolean topLevel) throws HclSyntaxException {
        List<Item> items = new ArrayList<>();
        while (true) {
            List<Token> comments = new ArrayList<>();
            boolean blank = false;
            boolean first = true;
            while (peek().is(Token.Kind.COMMENT)) {
                Token c = next();
                if (first) {
                    blank = c.newlineBefore() > 1;
                } else if (c.newlineBefore() > 1) {
                    // a blank line separates a detached comment group from the item
                    blank = true;
                }
                comments.add(c);
                first = false;
            }
            Token t = peek();
            if (t.is(Token.Kind.EOF) || (!topLevel && t.is(Token.Kind.RBRACE))) {
                return new Body(items, comments);
            }
            if (comments.isEmpty()) {
                blank = t.newlineBefore() > 1;
            } else if (t.newlineBefore() > 1) {
                blank = true;
            }
            items.add(item(comments, blank));
            if (peek().is(Token.Kind.COMMA)) {
                next();
            }
        }
    }

    private Item item(List<Token> lead, boolean blank) throws HclSyntaxException {
        List<Token> keys = new ArrayList<>();
        while (peek().is(Token.Kind.IDENT) || peek().is(Token.Kind.STRING)) {
            keys.add(next());
        }
        if (keys.isEmpty()) {
            Token t = peek();
            throw error(t, "expected: IDENT | STRING got: " + describe(t));
        }
        boolean assign = false;
        Value value;
        if (peek().is(Token.Kind.ASSIGN)) {
            next();
            assign = true;
            value = value();
        } else if (peek().is(Token.Kind.LBRACE)) {
            value = object();
        } else {
            Token t = peek();
            throw error(t, "key '" + keys.get(keys.size() - 1).text() + "' expected start of object ('{') or assignment ('=')");
        }
        Token lineComment = null;
        if (peek().is(Token.Kind.COMMENT) && peek().newlineBefore() == 0) {
            lineComment = next();
        }
        return new Item(keys, assign, value, blank, lead, lineComment);
    }

    private Value value() throws HclSyntaxException {
        Token t = peek();
        switch (t.kind()) {
            case STRING:
            case NUMBER:
            case IDENT:
            case HEREDOC:
                return new Literal(next());
            case LBRACK:
                return list();
            case LBRACE:
                return object();
            default:
                throw error(t, "Unknown token: " + describe(t));
        }
    }

    private ObjectValue object() throws HclSyntaxException {
        next();
        Body body = body(false);
        Token close = peek();
        if (!close.is(Token.Kind.RBRACE)) {
            throw error(close, "object expected closing RBRACE got: " + describe(close));
        }
        next();
        return new ObjectValue(body);
    }

    private ListValue list() throws HclSyntaxException {
        next();
        boolean multiline = peek().newlineBefore() > 0;
        List<Element> elements = new ArrayList<>();
        while (true) {
            List<Token> comments = new ArrayList<>();
            while (peek().is(Token.Kind.COMMENT)) {
                comments.add(next());
            }
            if (peek().is(Token.Kind.RBRACK)) {
                next();
                return new ListValue(elements, multiline || !comments.isEmpty(), comments);
            }
            Value v = value();
            boolean comma = false;
            if (peek().is(Token.Kind.COMMA)) {
                next();
                comma = true;
            }
            Token lineComment = null;
            if (peek().is(Token.Kind.COMMENT) && peek().newlineBefore() == 0) {
                lineComment = next();
                multiline = true;
            }
            if (!comments.isEmpty()) {
                multiline = true;
            }
            elements.add(new Element(v, comments, lineComment));
            if (!comma && !peek().is(Token.Kind.RBRACK) && !peek().is(Token.Kind.COMMENT)) {
                Token t = peek();
                throw error(t, "list expected comma or closing bracket got: " + describe(t));
            }
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private static String describe(Token t) {
        return t.is(Token.Kind.EOF) ? "EOF" : t.kind() + " (" + t.text() + ")";
    }

    private static HclSyntaxException error(Token t, String reason) {
        return new HclSyntaxException(t.line(), t.column(), reason);
    }
}
