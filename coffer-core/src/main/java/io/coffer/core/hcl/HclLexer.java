package io.coffer.core.hcl;

/**
 * Splits HCL (version 1) text into tokens: punctuation, identifiers, quoted strings, heredocs and
 * numbers; skips whitespace and {@code #}, {@code //} and {@code /* *}{@code /} comments. Strict:
 * an unterminated string, heredoc or comment, a malformed number or any other character is a
 * {@link HclSyntaxException} naming line and column.
 */
final class HclLexer {

    enum Kind { LBRACE, RBRACE, LBRACK, RBRACK, COMMA, ASSIGN, IDENT, STRING, NUMBER, EOF }

    /** One token; {@code value} is the decoded string or the {@code Long}/{@code Double}. */
    record Token(Kind kind, Object value, int line, int column) {

        String describe() {
            switch (kind) {
                case EOF:
                    return "end of input";
                case IDENT:
                    return "identifier " + Snippet.quote((String) value);
                case STRING:
                    return "string " + Snippet.quote((String) value);
                case NUMBER:
                    return "number";
                default:
                    return "'" + value + "'";
            }
        }
    }

    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;

    HclLexer(String src) {
        this.src = src;
    }

    Token next() {
        skipBlanksAndComments();
        int column = pos - lineStart + 1;
        if (pos >= src.length()) {
            return new Token(Kind.EOF, null, line, column);
        }
        char c = src.charAt(pos);
        switch (c) {
            case '{':
                pos++;
                return new Token(Kind.LBRACE, "{", line, column);
            case '}':
                pos++;
                return new Token(Kind.RBRACE, "}", line, column);
            case '[':
                pos++;
                return new Token(Kind.LBRACK, "[", line, column);
            case ']':
                pos++;
                return new Token(Kind.RBRACK, "]", line, column);
            case ',':
                pos++;
                return new Token(Kind.COMMA, ",", line, column);
            case '=':
                pos++;
                return new Token(Kind.ASSIGN, "=", line, column);
            case '"':
                return new Token(Kind.STRING, string(column), line, column);
            default:
                break;
        }
        if (c == '<' && src.startsWith("<<", pos)) {
            int startLine = line;
            return new Token(Kind.STRING, heredoc(column), startLine, column);
        }
        if (isDigit(c) || (c == '-' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
            return new Token(Kind.NUMBER, number(column), line, column);
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < src.length() && isIdentPart(src.charAt(pos))) {
                pos++;
            }
            return new Token(Kind.IDENT, src.substring(start, pos), line, column);
        }
        throw new HclSyntaxException(line, column, "unexpected character " + Snippet.quote(c));
    }

    private void skipBlanksAndComments() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                newline(pos + 1);
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\uFEFF') {
                pos++;
            } else if (c == '#' || (c == '/' && src.startsWith("//", pos))) {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && src.startsWith("/*", pos)) {
                int startLine = line;
                int startColumn = pos - lineStart + 1;
                pos += 2;
                while (!src.startsWith("*/", pos)) {
                    if (pos >= src.length()) {
                        throw new HclSyntaxException(startLine, startColumn, "comment not terminated");
                    }
                    if (src.charAt(pos) == '\n') {
                        newline(pos + 1);
                    } else {
                        pos++;
                    }
                }
                pos += 2;
            } else {
                return;
            }
        }
    }

    private void newline(int next) {
        pos = next;
        line++;
        lineStart = next;
    }

    private String string(int column) {
        StringBuilder b = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= src.length() || src.charAt(pos) == '\n') {
                throw new HclSyntaxException(line, column, "string not terminated");
            }
            char c = src.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (pos >= src.length()) {
                throw new HclSyntaxException(line, column, "string not terminated");
            }
            char e = src.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> b.appendCodePoint(hexEscape(4, column));
                case 'U' -> b.appendCodePoint(hexEscape(8, column));
                default -> throw new HclSyntaxException(line, pos - lineStart, "invalid escape in string");
            }
        }
    }

    private int hexEscape(int digits, int column) {
        if (pos + digits > src.length()) {
            throw new HclSyntaxException(line, column, "invalid unicode escape in string");
        }
        int cp = 0;
        for (int i = 0; i < digits; i++) {
            int d = Character.digit(src.charAt(pos + i), 16);
            if (d < 0) {
                throw new HclSyntaxException(line, column, "invalid unicode escape in string");
            }
            cp = cp * 16 + d;
        }
        if (!Character.isValidCodePoint(cp)) {
            throw new HclSyntaxException(line, column, "invalid unicode escape in string");
        }
        pos += digits;
        return cp;
    }

    private String heredoc(int column) {
        int startLine = line;
        pos += 2;
        boolean indented = pos < src.length() && src.charAt(pos) == '-';
        if (indented) {
            pos++;
        }
        int markerStart = pos;
        while (pos < src.length() && isIdentPart(src.charAt(pos))) {
            pos++;
        }
        String marker = src.substring(markerStart, pos);
        if (pos < src.length() && src.charAt(pos) == '\r') {
            pos++;
        }
        if (marker.isEmpty() || pos >= src.length() || src.charAt(pos) != '\n') {
            throw new HclSyntaxException(startLine, column, "heredoc needs a marker followed by a newline");
        }
        newline(pos + 1);
        StringBuilder body = new StringBuilder();
        while (pos < src.length()) {
            int end = src.indexOf('\n', pos);
            int lineEnd = end < 0 ? src.length() : end;
            String text = src.substring(pos, lineEnd);
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            if (indented ? text.strip().equals(marker) : text.equals(marker)) {
                pos = lineEnd;
                return indented ? stripCommonIndent(body.toString()) : body.toString();
            }
            body.append(text).append('\n');
            if (end < 0) {
                pos = src.length();
            } else {
                newline(end + 1);
            }
        }
        throw new HclSyntaxException(startLine, column, "heredoc not terminated");
    }

    private static String stripCommonIndent(String body) {
        String[] lines = body.split("\n", -1);
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                int i = 0;
                while (i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) {
                    i++;
                }
                indent = Math.min(indent, i);
            }
        }
        if (indent == Integer.MAX_VALUE || indent == 0) {
            return body;
        }
        StringBuilder b = new StringBuilder(body.length());
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            b.append(l.length() >= indent ? l.substring(indent) : l.strip());
            if (i < lines.length - 1) {
                b.append('\n');
            }
        }
        return b.toString();
    }

    private Object number(int column) {
        int start = pos;
        if (src.charAt(pos) == '-') {
            pos++;
        }
        boolean floating = false;
        if (src.startsWith("0x", pos) || src.startsWith("0X", pos)) {
            pos += 2;
            int digitsStart = pos;
            while (pos < src.length() && Character.digit(src.charAt(pos), 16) >= 0) {
                pos++;
            }
            if (pos == digitsStart) {
                throw new HclSyntaxException(line, column, "invalid number");
            }
        } else {
            digits();
            if (pos < src.length() && src.charAt(pos) == '.') {
                pos++;
                floating = true;
                if (digits() == 0) {
                    throw new HclSyntaxException(line, column, "invalid number");
                }
            }
            if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
                pos++;
                floating = true;
                if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                    pos++;
                }
                if (digits() == 0) {
                    throw new HclSyntaxException(line, column, "invalid number");
                }
            }
        }
        if (pos < src.length() && isIdentPart(src.charAt(pos))) {
            throw new HclSyntaxException(line, column, "invalid number");
        }
        String text = src.substring(start, pos);
        try {
            if (floating) {
                return Double.parseDouble(text);
            }
            boolean negative = text.startsWith("-");
            String unsigned = negative ? text.substring(1) : text;
            long v = unsigned.startsWith("0x") || unsigned.startsWith("0X")
                    ? Long.parseLong(unsigned.substring(2), 16)
                    : Long.parseLong(unsigned);
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            throw new HclSyntaxException(line, column, "number out of range");
        }
    }

    private int digits() {
        int start = pos;
        while (pos < src.length() && isDigit(src.charAt(pos))) {
            pos++;
        }
        return pos - start;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}
