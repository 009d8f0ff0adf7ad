package io.coffer.cli.command;

/** The kinds of values a flag takes, with the placeholder vault shows in help ({@code <int>}). */
public enum FlagType {
    /** A single string. */
    STRING("string"),
    /** A single integer. */
    INT("int"),
    /** A boolean: {@code -flag}, {@code -flag=true} or {@code -flag=false}. */
    BOOL(""),
    /** A duration: {@code 30s}, {@code 1h30m}, {@code 768h}, bare seconds or {@code 2d}. */
    DURATION("duration"),
    /** Repeatable; each occurrence may hold several comma-separated values. */
    STRING_SLICE("string"),
    /** Repeatable; each occurrence holds one {@code key=value} pair. */
    STRING_MAP("key=value"),
    /** Repeatable; each occurrence is one value, kept as given (no comma splitting). */
    STRING_LIST("string");

    private final String example;

    FlagType(String example) {
        this.example = example;
    }

    /** The placeholder shown after {@code -name=} in help, empty for booleans. */
    public String example() {
        return example;
    }

    /** True for flags that may be given several times. */
    public boolean repeatable() {
        return this == STRING_SLICE || this == STRING_MAP || this == STRING_LIST;
    }
}
