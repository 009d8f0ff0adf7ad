package io.coffer.sdk.framework;

import java.util.Set;

/**
 * Go's {@code strconv.ParseBool}, which Vault uses for query flags such as {@code ?list=} and
 * {@code ?standbyok=}: {@code 1 t T TRUE true True} and {@code 0 f F FALSE false False}.
 */
public final class GoBool {
    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

    private GoBool() {
    }

    /** The value of {@code text}, or {@code null} when Go would refuse it. */
    public static Boolean parse(String text) {
        if (TRUE.contains(text)) {
            return Boolean.TRUE;
        }
        if (FALSE.contains(text)) {
            return Boolean.FALSE;
        }
        return null;
    }
}
