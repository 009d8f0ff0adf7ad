package io.coffer.cli.command.policy.hcl;

/**
 * One lexical token of HCL with its original text and 1-based position.
 *
 * @param newlineBefore number of line breaks between the previous token and this one
 */
record Token(Kind kind, String text, int line, int column, int newlineBefore) {

    /** Token kinds. */
    enum Kind {
        IDENT,
        STRING,
        NUMBER,
        HEREDOC,
        LBRACE,
        RBRACE,
        LBRACK,
        RBRACK,
        ASSIGN,
        COMMA,
        COMMENT,
        EOF
    }

    boolean is(Kind k) {
        return kind == k;
    }
}
