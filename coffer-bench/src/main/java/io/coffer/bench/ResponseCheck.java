package io.coffer.bench;

/**
 * Decides whether a complete response counts as a success of its scenario. Runs on the client
 * thread right after each response, so an implementation must not allocate or block; it sees
 * the status and the body bytes the connection kept (the first MiB at most), valid only during
 * the call. Implementations are stateless and shareable between threads.
 */
@FunctionalInterface
public interface ResponseCheck {

    /** What the check made of a response. */
    enum Verdict {
        /** Counted in throughput and latency. */
        SUCCESS,
        /** Counted as an error under its status code. */
        WRONG_STATUS,
        /** The status was right but the body lacked what the scenario needs: {@value ErrorCounts#BAD_BODY}. */
        BAD_BODY
    }

    /** Any 2xx status is a success; the body is not looked at. */
    ResponseCheck ANY_2XX = (status, body, length) ->
            status >= 200 && status < 300 ? Verdict.SUCCESS : Verdict.WRONG_STATUS;

    /**
     * A login: status 200 and a body with a non-empty {@code auth.client_token} (see
     * {@link LoginResponses#hasClientToken}).
     */
    ResponseCheck LOGIN = (status, body, length) -> {
        if (status != 200) {
            return Verdict.WRONG_STATUS;
        }
        return LoginResponses.hasClientToken(body, length) ? Verdict.SUCCESS : Verdict.BAD_BODY;
    };

    /**
     * @param status the final HTTP status
     * @param body buffer whose first {@code length} bytes are the (possibly truncated) body
     * @param length number of valid body bytes
     */
    Verdict verdict(int status, byte[] body, int length);
}
