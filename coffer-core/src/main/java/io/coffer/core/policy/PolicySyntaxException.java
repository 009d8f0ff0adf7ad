package io.coffer.core.policy;

/**
 * A policy whose HCL or JSON syntax is fine but whose content is not a valid policy (an unknown
 * key, a bad capability, …); its message is a short reason that never quotes more than a few
 * characters of the input. Syntax errors are {@link io.coffer.core.hcl.HclSyntaxException}s.
 * {@link PolicyParser} turns both into the API's 400 error.
 */
final class PolicySyntaxException extends RuntimeException {

    PolicySyntaxException(String reason) {
        super(reason, null, false, false);
    }
}
