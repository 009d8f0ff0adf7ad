package io.coffer.cli.json;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A JSON number kept as the literal text the server sent, like Go's {@code json.Number}.
 *
 * <p>Guarantees that a number read from a response is printed and re-encoded exactly as it
 * arrived (no float rounding, no {@code 1.0E3}), which is what the vault CLI does.
 */
public record JsonNumber(String literal) {

    /** Validates that {@code literal} is not blank. */
    public JsonNumber {
        Objects.requireNonNull(literal, "literal");
        if (literal.isBlank()) {
            throw new IllegalArgumentException("empty number literal");
        }
    }

    /** Returns the number for an integer value. */
    public static JsonNumber of(long value) {
        return new JsonNumber(Long.toString(value));
    }

    /** Returns the value as a long if the literal is an integer that fits, else {@code null}. */
    public Long asLongOrNull() {
        try {
            return Long.parseLong(literal);
        } catch (NumberFormatException e) {
            try {
                BigDecimal d = new BigDecimal(literal);
                return d.longValueExact();
            } catch (ArithmeticException | NumberFormatException notIntegral) {
                return null;
            }
        }
    }

    @Override
    public String toString() {
        return literal;
    }
}
