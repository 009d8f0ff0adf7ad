package io.coffer.cli.command.policy.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits HCL (version 1, as used by Vault policies) into tokens, keeping literal text exactly as
 * written and counting the line breaks before each token so the printer can keep blank lines.
 */
final class HclLexer {
    private final String src;
    private int pos;
    private int line = 1;
    private int col = 1;

    HclLexer(String src) {
        this.src = src;
    }

    List<Token> tokens() throws HclSyntaxException {
        List<Token> out = new ArrayList<>();
        while (true) {
            int newlines = skipSpace();
            if (pos >= src.length()) {
                out.add(new Token(Token.Kind.EOF, "", line, col, newlines));
                return out;
            }
            int startLine = line;
            int startCol = col;
            char c = src.charAt(pos);
            Token.Kind kind;
            String text;
            if (c == '#' || (c == '/' && peek(1) == '/')) {
                int start = pos;
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    advance();
                }
                kind = Token.Kind.COMMENT;
                text = src.substring(start, pos).stripTrailing();
            } else if (c == '/' && peek(1) == '*') {
                int start = pos;
                advance();
                advance();
                while (pos < src.length() && !(src.charAt(pos) == '*' && peek(1) == '/')) {
                    advance();
                }
                if (pos >= src.length()) {
                    throw new HclSyntaxException(startLine, startCol, "comment not terminated");
                }
                advance();
                advance();
                kind = Token.Kind.COMMENT;
                text = src.substring(start, pos);
            } else if (c == '"') {
                kind = Token.Kind.STRING;
                text = string(startLine, startCol);
            } else if (c == '<' && peek(1) == '<') {
                kind = Token.Kind.HEREDOC;
                text = heredoc(startLine, startCol);
            } else if (c == '{' || c == '}' || c == '[' || c == ']' || c == '=' || c == ',') {
                advance();
                text = String.valueOf(c);
                kind =
                        switch (c) {
                            case '{' -> Token.Kind.LBRACE;
                            case '}' -> Token.Kind.RBRACE;
                            case '[' -> Token.Kind.LBRACK;
                            case ']' -> Token.Kind.RBRACK;
                            case '=' -> Token.Kind.ASSIGN;
                            default -> Token.Kind.COMMA;
                        };
            } else if (Character.isDigit(c) || (c == '-' && Character.isDigit(peek(1)))) {
                int start = pos;
                advance();
                while (pos < src.length()
                        && (Character.isLetterOrDigit(src.charAt(pos))
                                || src.charAt(pos) == '.'
                                || src.charAt(pos) == '-'
                                || src.charAt(pos) == '+')) {
                    advance();
                }
                kind = Token.Kind.NUMBER;
                text = src.substring(start, pos);
            } else if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < src.length()
                        && (Character.isLetterOrDigit(src.charAt(pos))
                                || src.charAt(pos) == '_'
                                || src.charAt(pos) == '-'
                                || src.charAt(pos) == '.')) {
                    advance();
                }
                kind = Token.Kind.IDENT;
                text = src.substring(start, pos);
            } else {
                throw new HclSyntaxException(startLine, startCol, "illegal char " + quote(c));
            }
            out.add(new Token(kind, text, startLine, startCol, newlines));
        }
    }

    private int skipSpace() {
        int newlines = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                newlines++;
            } else if (c != ' ' && c != '\t' && c != '\r' && c != '\uFEFF') {
                break;
            }
            advance();
        }
        return newlines;
    }

    private String string(int startLine, int startCol) throws HclSyntaxException {
        int start = pos;
        advance();
        int braces = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n' && braces == 0) {
                break;
            }
            if (c == '\\') {
                advance();
                if (pos < src.length()) {
                    advance();
                }
                continue;
            }
            if (c == '$' && peek(1) == '{') {
                braces++;
                advance();
                advance();
                continue;
            }
            if (c == '}' && braces > 0) {
                braces--;
                advance();
                continue;
            }
            if (c == '"' && braces == 0) {
                advance();
                return src.substring(start, pos);
            }
            advance();
        }
        throw new HclSyntaxException(startLine, startCol, "literal not terminated");
    }

    private String heredoc(int startLine, int startCol) throws HclSyntaxException {
        int start = pos;
        advance();
        advance();
        boolean indented = false;
        if (pos < src.length() && src.charAt(pos) == '-') {
            indented = true;
            advance();
        }
        int anchorStart = pos;
        while (pos < src.length()
                && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            advance();
        }
        String anchor = src.substring(anchorStart, pos);
        if (anchor.isEmpty() || pos >= src.length() || src.charAt(pos) != '\n') {
            throw new HclSyntaxException(startLine, startCol, "invalid heredoc anchor");
        }
        while (pos < src.length()) {
            advance();
            int lineStart = pos;
            while (pos < src.length() && src.charAt(pos) != '\n') {
                advance();
            }
            String lineText = src.substring(lineStart, pos);
            String candidate = indented ? lineText.strip() : lineText.stripTrailing();
            if (candidate.equals(anchor)) {
                return src.substring(start, pos);
            }
        }
        throw new HclSyntaxException(startLine, startCol, "heredoc not terminated");
    }

    private char peek(int ahead) {
        int p = pos + ahead;
        return p < src.length() ? src.charAt(p) : '\0';
    }

    private void advance() {
        if (src.charAt(pos) == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
        pos++;
    }

    private static String quote(char c) {
        return "'" + c + "'";
    }
}
