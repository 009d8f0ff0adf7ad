package io.coffer.cli.command.token;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The endpoint and request body a token command uses for its TOKEN or ACCESSOR argument, chosen
 * as vault chooses them: {@code <base>-self} without an argument, {@code <base>-accessor} with
 * {@code -accessor}, {@code <base>} otherwise; the body names the token or accessor.
 *
 * @param path the endpoint, e.g. {@code auth/token/renew-self}
 * @param body {@code {"token": ...}}, {@code {"accessor": ...}} or empty; mutable, for the
 *     command's own fields
 * @param self true when the command acts on the caller's own token (no argument)
 */
record TokenTarget(String path, Map<String, Object> body, boolean self) {

    /** Chooses the endpoint below {@code base} for {@code token} ({@code ""} for none). */
    static TokenTarget of(String base, String token, boolean accessor) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (token.isEmpty()) {
            return new TokenTarget(base + "-self", body, true);
        }
        if (accessor) {
            body.put("accessor", token);
            return new TokenTarget(base + "-accessor", body, false);
        }
        body.put("token", token);
        return new TokenTarget(base, body, false);
    }
}
