package io.coffer.core.policy;

/**
 * A policy text that cannot be parsed; its message is a short reason that never quotes more than
 * a few characters of the input. {@link PolicyParser} turns it into the API's 400 error.
 */
final class PolicySyntaxException extends RuntimeException {

    PolicySyntaxException(String reason) {
        super(reason, null, false, false);
    }

    static PolicySyntaxException at(int line, int column, String reason) {
        return new PolicySyntaxException("line " + line + ", column " + column + ": " + reason);
    }
}
