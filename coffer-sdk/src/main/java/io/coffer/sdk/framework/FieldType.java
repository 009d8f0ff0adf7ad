package io.coffer.sdk.framework;

/**
 * The type of a request field, with Vault's lenient ("weak") decoding rules.
 */
public enum FieldType {
    /** A string; numbers and booleans are rendered as their text. */
    STRING,
    /** A string folded to lower case (policy, user and role names). */
    LOWERCASE_STRING,
    /** An integer: a JSON number or a numeric string. */
    INT,
    /** A boolean: JSON bool, or a string/number Go's {@code ParseBool} accepts. */
    BOOL,
    /** A duration: integer seconds, a numeric string, or a Go duration such as {@code 1h30m}. */
    DURATION,
    /** A list of strings: a JSON array, or a comma-separated string. */
    COMMA_STRING_SLICE,
    /** A list of integers: a JSON array of numbers or numeric strings, or a comma string. */
    COMMA_INT_SLICE,
    /** A JSON object of any values. */
    MAP,
    /** A JSON object whose values are strings. */
    STRING_MAP,
}
