package io.coffer.cli.command.login;

/** Authentication failed; the message is printed after {@code Error authenticating: }. */
final class LoginException extends Exception {
    private static final long serialVersionUID = 1L;

    LoginException(String message) {
        super(message);
    }
}
