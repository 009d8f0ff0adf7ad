package io.coffer.bench;

/**
 * A benchmark that cannot proceed because of the server (unreachable, or refusing the seed
 * writes). Its message is safe to print: it never contains the token.
 */
final class BenchFailure extends RuntimeException {
    BenchFailure(String message) {
        super(message);
    }
}
