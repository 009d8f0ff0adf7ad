package io.coffer.cli.command.policy.hcl;

/** A document is valid HCL but not a valid ACL policy. */
public final class PolicyException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the message to print. */
    public PolicyException(String message) {
        super(message);
    }
}
