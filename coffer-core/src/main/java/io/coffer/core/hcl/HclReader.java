package io.coffer.core.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses HCL (version 1, the dialect of Vault policies) into an {@link HclObject}: items
 * {@code key = value} and blocks {@code type "label" { … }}, values being strings, heredocs,
 * numbers, booleans, lists and objects. Items may be separated by commas. Everything else —
 * unbalanced braces or brackets, a missing {@code =}, trailing tokens, nesting deeper than
 * {@value #MAX_DEPTH} — is an {@link HclSyntaxException}.
 */
final class HclReader {

    static final int MAX_DEPTH = 32;

    private final HclLexer lexer;
    private HclLexer.Token lookahead;

    private HclReader(String text) {
        this.lexer = new HclLexer(text);
        this.lookahead = lexer.next();
    }

    static HclObject read(String text) {
        HclReader reader = new HclReader(text);
        return reader.objectBody(false, 0);
    }

    private HclLexer.Token peek() {
        return lookahead;
    }

    private HclLexer.Token take() {
        HclLexer.Token t = lookahead;
        lookahead = lexer.next();
        return t;
    }

    private HclObject objectBody(boolean braced, int depth) {
        if (depth > MAX_DEPTH) {
            throw new HclSyntaxException(peek().line(), peek().column(), "nesting too deep");
        }
        List<HclObject.Item> items = new ArrayList<>();
        while (true) {
            HclLexer.Token t = peek();
            switch (t.kind()) {
                case EOF:
                    if (braced) {
                        throw new HclSyntaxException(t.line(), t.column(), "missing '}'");
                    }
                    return new HclObject(items);
                case RBRACE:
                    if (!braced) {
                        throw new HclSyntaxException(t.line(), t.column(), "unexpected '}'");
                    }
                    take();
                    return new HclObject(items);
                case COMMA:
                    if (items.isEmpty()) {
                        throw new HclSyntaxException(t.line(), t.column(), "unexpected ','");
                    }
                    take();
                    break;
                default:
                    items.add(item(depth));
                    break;
            }
        }
    }

    private HclObject.Item item(int depth) {
        HclLexer.Token first = peek();
        List<String> keys = new ArrayList<>();
        while (peek().kind() == HclLexer.Kind.IDENT || peek().kind() == HclLexer.Kind.STRING) {
            keys.add((String) take().value());
        }
        if (keys.isEmpty()) {
            throw new HclSyntaxException(first.line(), first.column(), "expected a key, found " + first.describe());
        }
        HclLexer.Token t = peek();
        if (t.kind() == HclLexer.Kind.ASSIGN) {
            if (keys.size() > 1) {
                throw new HclSyntaxException(t.line(), t.column(), "expected '{' after block labels");
            }
            take();
            return new HclObject.Item(keys, value(depth + 1), first.line(), first.column());
        }
        if (t.kind() == HclLexer.Kind.LBRACE) {
            take();
            return new HclObject.Item(keys, objectBody(true, depth + 1), first.line(), first.column());
        }
        throw new HclSyntaxException(t.line(), t.column(), "expected '=' or '{' after key, found " + t.describe());
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new HclSyntaxException(peek().line(), peek().column(), "nesting too deep");
        }
        HclLexer.Token t = take();
        switch (t.kind()) {
            case STRING:
            case NUMBER:
                return t.value();
            case IDENT:
                if ("true".equals(t.value())) {
                    return Boolean.TRUE;
                }
                if ("false".equals(t.value())) {
                    return Boolean.FALSE;
                }
                throw new HclSyntaxException(t.line(), t.column(), "unexpected " + t.describe() + " (strings must be quoted)");
            case LBRACK:
                return list(depth);
            case LBRACE:
                return objectBody(true, depth);
            default:
                throw new HclSyntaxException(t.line(), t.column(), "expected a value, found " + t.describe());
        }
    }

    private List<Object> list(int depth) {
        List<Object> values = new ArrayList<>();
        while (true) {
            if (peek().kind() == HclLexer.Kind.RBRACK) {
                take();
                return values;
            }
            values.add(value(depth + 1));
            HclLexer.Token t = take();
            if (t.kind() == HclLexer.Kind.RBRACK) {
                return values;
            }
            if (t.kind() != HclLexer.Kind.COMMA) {
                throw new HclSyntaxException(t.line(), t.column(), "expected ',' or ']' in list, found " + t.describe());
            }
        }
    }
}
